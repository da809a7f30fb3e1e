package nl.plein.db;

/** The database could not be started, reached or prepared; the message tells the operator what to do. */
public final class DatabaseUnavailable extends RuntimeException {
    public DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
