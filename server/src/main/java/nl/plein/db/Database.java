package nl.plein.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Connection pool, PostGIS check and migrations: what every start does before serving. */
public final class Database {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private Database() {
    }

    /** Where to connect: a JDBC URL with its credentials. */
    public record Target(String jdbcUrl, String user, String password) {
        /**
         * Accepts {@code postgres://user:pass@host:port/db?…} (as most hosting platforms give it) and
         * {@code jdbc:postgresql://host:port/db?user=…&password=…}.
         */
        public static Target parse(String databaseUrl) {
            if (databaseUrl.startsWith("jdbc:postgresql:")) {
                return new Target(databaseUrl, null, null);
            }
            URI uri;
            try {
                uri = URI.create(databaseUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("DATABASE_URL is not a valid URL");
            }
            if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
                throw new IllegalArgumentException(
                        "DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql://");
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("DATABASE_URL has no host");
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
            }
            String url = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return new Target(url, user, password);
        }
    }

    /** A pool for tools and tests, which may wait as long as Hikari's default for a connection. */
    public static HikariDataSource pool(Target target, int size) {
        return pool(target, size, Duration.ofSeconds(30), null);
    }

    /**
     * A pool whose requests wait at most {@code connectionTimeout} for a connection (Hikari's 30 s
     * default would hold every request that long when the database is gone), and that tells
     * {@code failures} (when given) of every error on its connections.
     */
    public static HikariDataSource pool(Target target, int size, Duration connectionTimeout,
                                        SQLExceptionOverride failures) {
        var hikari = new HikariConfig();
        hikari.setConnectionTimeout(connectionTimeout.toMillis());
        hikari.setValidationTimeout(Math.min(connectionTimeout.toMillis(), 5_000));
        hikari.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, connectionTimeout.toSeconds())));
        if (failures != null) {
            hikari.setExceptionOverride(failures);
        }
        hikari.setJdbcUrl(target.jdbcUrl());
        if (target.user() != null) {
            hikari.setUsername(target.user());
        }
        if (target.password() != null) {
            hikari.setPassword(target.password());
        }
        hikari.setMaximumPoolSize(size);
        hikari.setPoolName("plein");
        hikari.setInitializationFailTimeout(30_000);
        hikari.addDataSourceProperty("ApplicationName", "plein");
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(hikari);
    }

    /**
     * The checksum Flyway recorded for V5 in databases migrated while V5 was edited in place (its
     * index changed after it had landed; V11 now makes that change), and the checksum of V5 as it
     * landed and is again.
     */
    static final int V5_EDITED_CHECKSUM = 342346364;
    static final int V5_LANDED_CHECKSUM = -548139908;

    /** Makes sure PostGIS is there, then brings the schema up to date. */
    public static void prepare(DataSource dataSource) {
        ensurePostgis(dataSource);
        forgiveEditedV5(dataSource);
        var flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        var result = flyway.migrate();
        log.info("Schema is at version {} ({} migration(s) applied now)",
                flyway.info().current() == null ? "none" : flyway.info().current().getVersion(),
                result.migrationsExecuted);
    }

    /**
     * Flyway refuses a database whose recorded checksum differs from the migration's: that one known
     * checksum of the edited V5, and nothing else, becomes the landed V5's. (A blanket Flyway repair
     * would hide any other edit; those must stay refused.)
     */
    private static void forgiveEditedV5(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            boolean migrated;
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT to_regclass(format('%I.flyway_schema_history', current_schema())) IS NOT NULL")) {
                migrated = rs.next() && rs.getBoolean(1);
            }
            if (!migrated) {
                return;
            }
            try (var st = c.prepareStatement(
                    "UPDATE flyway_schema_history SET checksum = ? WHERE version = '5' AND checksum = ?")) {
                st.setInt(1, V5_LANDED_CHECKSUM);
                st.setInt(2, V5_EDITED_CHECKSUM);
                if (st.executeUpdate() > 0) {
                    log.info("This database was migrated with V5 as edited after it landed; its recorded checksum "
                            + "is now the landed V5's, and V11 makes the edit's index");
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("Could not read the schema history: " + e.getMessage(), e);
        }
    }

    private static void ensurePostgis(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            try (var st = c.createStatement();
                 var rs = st.executeQuery("SELECT extversion FROM pg_extension WHERE extname = 'postgis'")) {
                if (rs.next()) {
                    log.info("PostGIS {} is present", rs.getString(1));
                    return;
                }
            }
            boolean available;
            try (var st = c.createStatement();
                 var rs = st.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")) {
                available = rs.next();
            }
            if (!available) {
                throw new DatabaseUnavailable("The PostGIS extension is not installed on the database server "
                        + "(it is missing from pg_available_extensions). Install PostGIS for that PostgreSQL "
                        + "(on Debian or Ubuntu: postgresql-NN-postgis-3).", null);
            }
            try (var st = c.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
                log.info("Created the PostGIS extension");
            } catch (SQLException e) {
                throw new DatabaseUnavailable("PostGIS is installed on the server but could not be created in "
                        + "this database: " + e.getMessage() + ". Ask a superuser to run "
                        + "'CREATE EXTENSION postgis;' in it, then start Plein again.", e);
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("Could not connect to the database: " + e.getMessage(), e);
        }
    }
}
