package nl.plein.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Runs Jdbi work on a connection that a caller still on plain JDBC owns, in its transaction: for
 * the methods that keep a {@code Connection} form while their callers move to Jdbi. The handle
 * neither closes the connection nor ends its transaction (a handle opened inside a transaction
 * leaves it to its owner), and a failure of the driver comes back as the driver's
 * {@link SQLException}, as such callers expect.
 */
public final class CallerConnection {
    private CallerConnection() {
    }

    public static <T> T with(Connection c, HandleCallback<T, RuntimeException> work) throws SQLException {
        Jdbi jdbi = Jdbi.create(new ConnectionFactory() {
            @Override
            public Connection openConnection() {
                return c;
            }

            @Override
            public void closeConnection(Connection connection) {
                // the caller's: it closes it
            }
        });
        // As every handle of the server's Jdbi (Jdbis.create).
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        jdbi.registerArrayType(String.class, "text");
        jdbi.registerArrayType(Long.class, "bigint");
        jdbi.registerArrayType(Integer.class, "integer");
        jdbi.registerArrayType(Double.class, "double precision");
        try (Handle h = jdbi.open()) {
            return work.withHandle(h);
        } catch (JdbiException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
