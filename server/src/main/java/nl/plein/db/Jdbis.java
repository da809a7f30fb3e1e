package nl.plein.db;

import javax.sql.DataSource;
import nl.plein.gisdata.Jdbc;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Plein's one way to run SQL: Jdbi, with named parameters ({@code :project}) bound, never spliced,
 * and statements kept in {@code .sql} files beside the store that runs them ({@link #sql}). The only
 * text put into a statement is a fragment chosen from a fixed set, through Jdbi's templating
 * ({@code <placed>} in the file, {@code define("placed", …)} in the code).
 */
public final class Jdbis {
    private Jdbis() {
    }

    public static Jdbi create(DataSource dataSource) {
        // The loaders' set-up (gis-data), which the server's statements share, and the server's own.
        Jdbi jdbi = Jdbc.create(dataSource);
        // A selection binds the same values into every statement that reads it, whether or not that
        // statement uses each of them; a value a statement needs and lacks still fails at once.
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        jdbi.registerArrayType(Integer.class, "integer");
        jdbi.registerArrayType(Double.class, "double precision");
        return jdbi;
    }

    /**
     * The statement in {@code name} (e.g. {@code "list.sql"}) in the package of {@code owner}, its
     * comments removed (so a comment may name parameters freely); read once and kept.
     */
    public static String sql(Class<?> owner, String name) {
        return Jdbc.sql(owner, name);
    }
}
