package nl.plein.gisdata.boundaries;

/**
 * A boundary import that cannot go on; the message is meant for the person running it. When one
 * option would put it right, {@link #option()} names it (as {@link OptionNames} calls it there).
 */
public final class ImportException extends RuntimeException {
    private final String option;

    public ImportException(String message) {
        this(message, (String) null);
    }

    public ImportException(String message, String option) {
        super(message);
        this.option = option;
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
        this.option = null;
    }

    /** The option that would put this right, or null when it is the source itself. */
    public String option() {
        return option;
    }
}
