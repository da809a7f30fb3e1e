package nl.plein.gisdata.boundaries;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which properties hold an area's code, name, population and parent code. The CBS presets cover
 * the Wijk- en buurtkaart's old upper-case fields (BU_CODE, AANT_INW, …) and its recent lower-case
 * ones (buurtcode, aantal_inwoners, …) at each level.
 */
public record FieldMapping(String code, String name, String population, String parent, Level level) {

    public static final List<String> PRESETS = List.of("cbs-old", "cbs-new");

    /** The fields this mapping needs, without the optional population (a missing value is unknown). */
    public List<String> required() {
        List<String> fields = new ArrayList<>();
        fields.add(code);
        if (name != null) {
            fields.add(name);
        }
        if (parent != null) {
            fields.add(parent);
        }
        return fields;
    }

    public static FieldMapping preset(String preset, Level level) {
        return preset(preset, level, OptionNames.COMMAND_LINE);
    }

    static ImportException unknownPreset(String preset, OptionNames names) {
        return new ImportException("Unknown preset '" + preset + "': use one of " + PRESETS
                + ", or name the fields with " + names.code() + " and " + names.name(), names.preset());
    }

    private static FieldMapping preset(String preset, Level level, OptionNames names) {
        return switch (preset) {
            case "cbs-old" -> switch (level) {
                case NEIGHBOURHOOD -> new FieldMapping("BU_CODE", "BU_NAAM", "AANT_INW", "WK_CODE", level);
                case DISTRICT -> new FieldMapping("WK_CODE", "WK_NAAM", "AANT_INW", "GM_CODE", level);
                case MUNICIPALITY -> new FieldMapping("GM_CODE", "GM_NAAM", "AANT_INW", null, level);
            };
            case "cbs-new" -> switch (level) {
                case NEIGHBOURHOOD -> new FieldMapping("buurtcode", "buurtnaam", "aantal_inwoners", "wijkcode", level);
                case DISTRICT -> new FieldMapping("wijkcode", "wijknaam", "aantal_inwoners", "gemeentecode", level);
                case MUNICIPALITY -> new FieldMapping("gemeentecode", "gemeentenaam", "aantal_inwoners", null, level);
            };
            default -> throw unknownPreset(preset, names);
        };
    }

    /** The level a preset's fields say, from the most detailed code present. */
    public static Optional<Level> presetLevel(String preset, Set<String> fields) {
        String[] codes = preset.equals("cbs-old")
                ? new String[] {"BU_CODE", "WK_CODE", "GM_CODE"}
                : new String[] {"buurtcode", "wijkcode", "gemeentecode"};
        Level[] levels = {Level.NEIGHBOURHOOD, Level.DISTRICT, Level.MUNICIPALITY};
        for (int i = 0; i < codes.length; i++) {
            if (fields.contains(codes[i])) {
                return Optional.of(levels[i]);
            }
        }
        return Optional.empty();
    }

    /** The CBS preset whose fields the source has, if any. */
    public static Optional<String> detectPreset(Set<String> fields) {
        for (String preset : PRESETS) {
            if (presetLevel(preset, fields).isPresent()) {
                return Optional.of(preset);
            }
        }
        return Optional.empty();
    }

    /**
     * The mapping for a source with these fields: a generic one when a code field is given, else the
     * named or detected preset at the named or detected level. A complaint names the option that
     * would put it right.
     */
    public static FieldMapping resolve(ImportOptions options, Set<String> fields) {
        OptionNames names = options.names();
        FieldMapping mapping;
        if (options.codeField() != null) {
            mapping = new FieldMapping(options.codeField(), options.nameField(), options.populationField(),
                    options.parentField(), options.level() == null ? Level.NEIGHBOURHOOD : options.level());
        } else {
            String preset = options.preset() != null ? options.preset() : detectPreset(fields).orElseThrow(() ->
                    new ImportException("No CBS fields found (" + String.join(", ", sorted(fields))
                            + "): name the fields with " + names.mappingHint(), names.code()));
            preset(preset, Level.NEIGHBOURHOOD, names); // fails fast on an unknown preset
            Level level = options.level() != null ? options.level()
                    : presetLevel(preset, fields).orElse(Level.NEIGHBOURHOOD);
            mapping = preset(preset, level);
            if (options.populationField() != null || options.nameField() != null || options.parentField() != null) {
                mapping = new FieldMapping(mapping.code,
                        options.nameField() != null ? options.nameField() : mapping.name,
                        options.populationField() != null ? options.populationField() : mapping.population,
                        options.parentField() != null ? options.parentField() : mapping.parent, level);
            }
        }
        List<String> missing = mapping.required().stream().filter(f -> !fields.contains(f)).toList();
        if (!missing.isEmpty()) {
            throw new ImportException("The source has no field " + String.join(", ", missing)
                    + " (it has: " + String.join(", ", sorted(fields)) + ")", optionFor(missing.get(0), options));
        }
        return mapping;
    }

    /** The option that named a missing field: the one given for it, else the preset's. */
    private static String optionFor(String field, ImportOptions options) {
        OptionNames names = options.names();
        if (field.equals(options.codeField())) {
            return names.code();
        }
        if (field.equals(options.nameField())) {
            return names.name();
        }
        if (field.equals(options.parentField())) {
            return names.parent();
        }
        return options.codeField() == null ? names.preset() : names.code();
    }

    private static List<String> sorted(Set<String> fields) {
        return fields.stream().sorted().toList();
    }
}
