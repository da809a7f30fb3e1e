package nl.plein;

import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import java.util.Optional;
import nl.plein.accounts.AccountStore;
import nl.plein.accounts.Passwords;
import nl.plein.areas.AreaAssignment;
import nl.plein.budgets.DemoVote;
import nl.plein.config.Config;
import nl.plein.db.Availability;
import nl.plein.db.Database;
import nl.plein.db.DatabaseUnavailable;
import nl.plein.db.EmbeddedPostgis;
import nl.plein.db.Jdbis;
import nl.plein.gisdata.demo.DemoData;
import nl.plein.works.DemoWorks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Plein: reads the environment, starts (or reaches) PostGIS, migrates, loads demo content
 * on first start, and serves until stopped.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            start(config);
        } catch (DatabaseUnavailable e) {
            log.error("Plein cannot start: {}", e.getMessage());
            System.exit(1);
        }
    }

    /** The running server with what it owns, stopped together. */
    public record Running(Javalin server, HikariDataSource dataSource, Optional<EmbeddedPostgis> postgres,
                          Availability availability) implements AutoCloseable {
        @Override
        public void close() {
            server.stop();
            // First, so that the cluster stopped below is not taken for one that died and started again.
            availability.close();
            dataSource.close();
            postgres.ifPresent(EmbeddedPostgis::close);
        }
    }

    public static Running start(Config config) {
        Optional<EmbeddedPostgis> embedded = Optional.empty();
        Database.Target target;
        if (config.databaseUrl().isPresent()) {
            target = Database.Target.parse(config.databaseUrl().get());
            log.info("Using the database at DATABASE_URL");
        } else {
            var postgres = EmbeddedPostgis.start(config.dataDir());
            embedded = Optional.of(postgres);
            ensureDatabase(postgres);
            target = new Database.Target(postgres.jdbcUrl(EmbeddedPostgis.DATABASE), EmbeddedPostgis.USER,
                    postgres.password());
        }
        Optional<EmbeddedPostgis> owned = embedded;
        var availability = new Availability(target, owned);
        HikariDataSource dataSource;
        try {
            dataSource = Database.pool(target, config.databasePoolSize(), config.databaseConnectionTimeout(),
                    availability.failureObserver());
            Database.prepare(dataSource);
        } catch (RuntimeException e) {
            owned.ifPresent(EmbeddedPostgis::close);
            throw e;
        }
        if (config.adminEmail().isPresent()) {
            boolean created = new AccountStore(Jdbis.create(dataSource)).ensureAdmin(config.adminEmail().get(),
                    Passwords.hash(config.adminPassword().orElseThrow()));
            log.info(created ? "Created the admin account {}" : "Admin account {} exists already",
                    config.adminEmail().get());
        }
        if (config.demoContent()) {
            try {
                if (DemoData.loadIfEmpty(dataSource, Passwords::hash, AreaAssignment::assignAll)) {
                    log.info("Loaded demo content; demo accounts share the password '{}'", DemoData.DEMO_PASSWORD);
                    DemoVote.seed(Jdbis.create(dataSource));
                    DemoWorks.seed(Jdbis.create(dataSource), config.timeZone());
                }
            } catch (java.sql.SQLException e) {
                throw new DatabaseUnavailable("Could not load the demo content: " + e.getMessage(), e);
            }
        }
        // Requests get a data source that answers at once while the database is away, and the
        // database (the embedded cluster restarted if it died) is tried until it is back.
        Javalin server = App.create(config, availability.watch(dataSource));
        var running = new Running(server, dataSource, owned, availability);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "plein-shutdown"));
        server.start(config.host(), config.port());
        log.info("Plein is serving on http://{}:{}/", config.host().equals("0.0.0.0") ? "localhost" : config.host(),
                server.port());
        return running;
    }

    /** Creates Plein's database in the embedded cluster on first start. */
    public static void ensureDatabase(EmbeddedPostgis postgres) {
        var admin = new Database.Target(postgres.jdbcUrl("postgres"), EmbeddedPostgis.USER, postgres.password());
        try (var c = java.sql.DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             var st = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            st.setString(1, EmbeddedPostgis.DATABASE);
            try (var rs = st.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + EmbeddedPostgis.DATABASE);
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            postgres.close();
            throw new DatabaseUnavailable("Could not create the database in the embedded PostgreSQL: "
                    + e.getMessage(), e);
        }
    }
}
