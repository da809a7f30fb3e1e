package nl.plein.support;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import nl.plein.db.Database;
import nl.plein.db.EmbeddedPostgis;

/**
 * One real PostgreSQL + PostGIS for the whole test run: the embedded one Plein itself uses, or the
 * server named by DATABASE_URL. Each test class gets a fresh database of its own, migrated by the
 * real migrations. No database is ever mocked, and a missing one fails the run.
 */
public final class TestPostgis {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Database.Target server;

    private TestPostgis() {
    }

    private static synchronized Database.Target server() {
        if (server == null) {
            String url = System.getenv("DATABASE_URL");
            if (url != null && !url.isBlank()) {
                server = Database.Target.parse(url);
            } else {
                Path dir = Path.of("target", "test-postgres");
                deleteRecursively(dir);
                EmbeddedPostgis postgres = EmbeddedPostgis.start(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
                server = new Database.Target(postgres.jdbcUrl("postgres"), EmbeddedPostgis.USER, postgres.password());
            }
        }
        return server;
    }

    /** The server's admin connection target (for tests that make databases or roles of their own). */
    public static Database.Target admin() {
        return server();
    }

    /** A new, empty database on the test server, with PostGIS and the schema migrated. */
    public static HikariDataSource freshDatabase() {
        Database.Target target = emptyDatabase("plein_test_" + ProcessHandle.current().pid() + "_"
                + DATABASES.incrementAndGet());
        HikariDataSource dataSource = Database.pool(target, 8);
        Database.prepare(dataSource);
        return dataSource;
    }

    /** A new database with nothing in it, not even PostGIS. */
    public static Database.Target emptyDatabase(String name) {
        Database.Target admin = server();
        try (var c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             var st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return new Database.Target(withDatabase(admin.jdbcUrl(), name), admin.user(), admin.password());
    }

    public static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String rest = query < 0 ? "" : jdbcUrl.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + rest;
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot delete " + dir, e);
        }
    }
}
