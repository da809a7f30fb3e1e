package nl.plein.gisdata.boundaries;

/** A boundary import that cannot go on; the message is meant for the person running it. */
public final class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
