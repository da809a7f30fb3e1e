package nl.plein.db;

import java.sql.SQLException;

/** A database failure that no client caused; its text goes to the log, never to a response. */
public final class DataAccessException extends RuntimeException {
    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
