package nl.plein.gisdata.boundaries;

import java.nio.file.Path;

/**
 * What `plein import-boundaries` (or an upload over HTTP) was asked to do. Only FILE is required.
 * {@code names} says what the options are called where they were given, for messages.
 */
public record ImportOptions(Path file, String preset, Level level, String codeField, String nameField,
                            String populationField, String parentField, String setName, Integer year,
                            Integer srid, String parentSet, Integer parentYear, boolean commit, OptionNames names) {

    /** Options given on the command line. */
    public ImportOptions(Path file, String preset, Level level, String codeField, String nameField,
                         String populationField, String parentField, String setName, Integer year,
                         Integer srid, String parentSet, Integer parentYear, boolean commit) {
        this(file, preset, level, codeField, nameField, populationField, parentField, setName, year, srid, parentSet,
                parentYear, commit, OptionNames.COMMAND_LINE);
    }

    public static final String USAGE = """
            Usage: plein import-boundaries FILE [options]

            FILE is GeoJSON, or GeoPackage / Shapefile / FlatGeobuf when GDAL's ogr2ogr is installed.
            Without --commit nothing is written: the import only reports what it would create.

              --preset cbs-old|cbs-new   CBS field names (detected when the fields are there)
              --level municipality|district|neighbourhood
              --code FIELD --name FIELD --population FIELD --parent FIELD
                                         generic mapping (overrides the preset's fields)
              --set-name NAME            boundary set name (default: the file's name)
              --year YEAR                boundary set year; name + year identify a set
              --srid SRID                the source's CRS when the file does not say (e.g. 28992)
              --parent-set NAME [--parent-year YEAR]
                                         link each area to its parent's code in that set
              --commit                   write the set, in one transaction
            """;

    public static ImportOptions parse(String... args) {
        Path file = null;
        String preset = null;
        Level level = null;
        String code = null;
        String name = null;
        String population = null;
        String parent = null;
        String setName = null;
        Integer year = null;
        Integer srid = null;
        String parentSet = null;
        Integer parentYear = null;
        boolean commit = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--commit" -> commit = true;
                case "--preset" -> preset = value(args, ++i, arg);
                case "--level" -> level = Level.parse(value(args, ++i, arg));
                case "--code" -> code = value(args, ++i, arg);
                case "--name" -> name = value(args, ++i, arg);
                case "--population" -> population = value(args, ++i, arg);
                case "--parent" -> parent = value(args, ++i, arg);
                case "--set-name" -> setName = value(args, ++i, arg);
                case "--year" -> year = number(value(args, ++i, arg), arg);
                case "--srid" -> srid = number(value(args, ++i, arg), arg);
                case "--parent-set" -> parentSet = value(args, ++i, arg);
                case "--parent-year" -> parentYear = number(value(args, ++i, arg), arg);
                default -> {
                    if (arg.startsWith("--")) {
                        throw new ImportException("Unknown option " + arg + "\n\n" + USAGE);
                    }
                    if (file != null) {
                        throw new ImportException("Only one FILE, please (got " + file + " and " + arg + ")");
                    }
                    file = Path.of(arg);
                }
            }
        }
        if (file == null) {
            throw new ImportException("Which file? " + USAGE);
        }
        if (preset != null && !FieldMapping.PRESETS.contains(preset)) {
            throw FieldMapping.unknownPreset(preset, OptionNames.COMMAND_LINE);
        }
        if (setName == null) {
            String base = file.getFileName().toString();
            int dot = base.lastIndexOf('.');
            setName = dot > 0 ? base.substring(0, dot) : base;
        }
        return new ImportOptions(file, preset, level, code, name, population, parent, setName, year, srid,
                parentSet, parentYear, commit);
    }

    public ImportOptions withSrid(Integer newSrid) {
        return new ImportOptions(file, preset, level, codeField, nameField, populationField, parentField, setName,
                year, newSrid, parentSet, parentYear, commit, names);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new ImportException(option + " needs a value");
        }
        return args[i];
    }

    private static Integer number(String text, String option) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new ImportException(option + " needs a whole number, not '" + text + "'");
        }
    }
}
