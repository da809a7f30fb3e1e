package nl.plein.gisdata;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * The loaders' SQL: Jdbi on the connection their caller hands them, with statements kept in
 * {@code .sql} files beside the class that runs them, as in the server.
 */
public final class Jdbc {
    private static final ClasspathSqlLocator FILES = ClasspathSqlLocator.removingComments();

    private Jdbc() {
    }

    /** The statement in {@code name} in the package of {@code owner}, its comments removed. */
    public static String sql(Class<?> owner, String name) {
        String path = owner.getPackageName().replace('.', '/') + "/" + name;
        String text = FILES.getResource(owner.getClassLoader(), path);
        if (text == null) {
            throw new IllegalStateException("SQL resource " + name + " is missing beside " + owner.getName());
        }
        return text;
    }

    /** A Jdbi over the data source, configured as the loaders' handles are. */
    public static Jdbi create(DataSource dataSource) {
        return configured(Jdbi.create(dataSource));
    }

    private static Jdbi configured(Jdbi jdbi) {
        jdbi.registerArrayType(String.class, "text");
        jdbi.registerArrayType(Long.class, "bigint");
        return jdbi;
    }

    /**
     * Runs work on a handle over the caller's connection: the handle neither closes it nor ends a
     * transaction the caller began. A failure of the driver comes back as the driver's
     * {@link SQLException}, as the loaders' callers expect.
     */
    public static <T, X extends Exception> T with(Connection c, HandleCallback<T, X> work) throws SQLException, X {
        Jdbi jdbi = configured(Jdbi.create(new ConnectionFactory() {
            @Override
            public Connection openConnection() {
                return c;
            }

            @Override
            public void closeConnection(Connection connection) {
                // the caller's: it closes it
            }
        }));
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
