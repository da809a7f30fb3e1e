package nl.plein.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;

/**
 * Where code on Jdbi and code still on plain JDBC meet, inside one transaction. Remove each part
 * with the last caller that needs it.
 */
public final class JdbcBridge {
    private JdbcBridge() {
    }

    /** Work on a plain JDBC connection, such as {@code handle.getConnection()}. */
    @FunctionalInterface
    public interface Work {
        void run() throws SQLException;
    }

    /** Runs JDBC work inside a Jdbi handle's transaction; its failure is a database failure. */
    public static void jdbc(Work work) {
        try {
            work.run();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * Lets a caller still on plain JDBC (meetings) run a store's statements that take a {@link Handle}
     * on its own connection, inside its own transaction: the handle neither commits, rolls back nor
     * closes that connection.
     */
    public static <T> T onConnection(Connection connection, HandleCallback<T, RuntimeException> work) {
        Jdbi jdbi = Jdbi.create(connection);
        // The caller's transaction is open on purpose: closing the handle must leave it so.
        jdbi.getConfig(Handles.class).setForceEndTransactions(false);
        try (Handle handle = jdbi.open()) {
            return work.withHandle(handle);
        }
    }
}
