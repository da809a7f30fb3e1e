package nl.plein.gisdata.boundaries;

/**
 * What the import's options are called where the import was asked for: flags on the command line
 * ({@code --code FIELD}), query parameters over HTTP ({@code codeField=FIELD}). Messages that tell
 * the person what to give next use these names, so that they can act on them where they are.
 */
public record OptionNames(String preset, String level, String code, String name, String population, String parent,
        String srid, String setName, String year, String separator) {

    /** The flags of {@code plein import-boundaries}. */
    public static final OptionNames COMMAND_LINE = new OptionNames("--preset", "--level", "--code", "--name",
            "--population", "--parent", "--srid", "--set-name", "--year", " ");

    /** An option with its value, as the person would write it: "--code FIELD" or "codeField=FIELD". */
    public String with(String option, String value) {
        return option + separator + value;
    }

    /** How to name the fields of a generic mapping, the optional ones in brackets. */
    String mappingHint() {
        return with(code, "FIELD") + " " + with(name, "FIELD") + " [" + with(population, "FIELD") + "] ["
                + with(parent, "FIELD") + "]";
    }
}
