package nl.plein.gisdata;

import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * The loaders' SQL: Jdbi over the caller's data source or on the handle it hands them, with
 * statements kept in {@code .sql} files beside the class that runs them, as in the server.
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
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.registerArrayType(String.class, "text");
        jdbi.registerArrayType(Long.class, "bigint");
        return jdbi;
    }
}
