package nl.plein.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.Map;
import nl.plein.Main;
import nl.plein.config.Config;
import nl.plein.support.Client;
import nl.plein.support.TestPostgis;
import org.junit.jupiter.api.Test;

/** With DATABASE_URL, Plein uses that PostGIS, and says plainly what is wrong when it cannot. */
class ExistingDatabaseTest {

    @Test
    void pleinUsesTheDatabaseNamedByDatabaseUrl() {
        Database.Target target = TestPostgis.emptyDatabase("plein_existing");
        var config = Config.fromEnvironment(Map.of("DATABASE_URL", target.jdbcUrl() + "?user="
                + target.user() + "&password=" + URLEncoder.encode(target.password(), StandardCharsets.UTF_8),
                "PLEIN_PORT", "0", "PLEIN_DEMO_CONTENT", "false"));
        try (var running = Main.start(config)) {
            var health = new Client("http://127.0.0.1:" + running.server().port()).get("/api/health").expect(200).json();
            assertTrue(health.get("postgis").asText().startsWith("3."), health.toString());
            assertTrue(running.postgres().isEmpty(), "no embedded cluster is started");
        }
    }

    @Test
    void aPostgresUrlWithCredentialsIsUnderstood() {
        var target = Database.Target.parse("postgres://pl%40in:s%3Acret@db.example:5433/plein?sslmode=require");
        assertEquals("jdbc:postgresql://db.example:5433/plein?sslmode=require", target.jdbcUrl());
        assertEquals("pl@in", target.user());
        assertEquals("s:cret", target.password());
        assertThrows(IllegalArgumentException.class, () -> Database.Target.parse("mysql://x/y"));
    }

    @Test
    void aDatabaseWherePostgisCannotBeCreatedGivesAClearMessage() throws Exception {
        Database.Target admin = TestPostgis.admin();
        Database.Target empty = TestPostgis.emptyDatabase("plein_no_postgis");
        try (var c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             var st = c.createStatement()) {
            st.execute("DROP ROLE IF EXISTS plein_plain");
            st.execute("CREATE ROLE plein_plain LOGIN PASSWORD 'plain-password' NOSUPERUSER");
            st.execute("ALTER DATABASE plein_no_postgis OWNER TO plein_plain");
        }
        var plain = new Database.Target(empty.jdbcUrl(), "plein_plain", "plain-password");
        try (var dataSource = Database.pool(plain, 2)) {
            var error = assertThrows(DatabaseUnavailable.class, () -> Database.prepare(dataSource));
            assertTrue(error.getMessage().contains("CREATE EXTENSION postgis"), error.getMessage());
            assertTrue(error.getMessage().contains("superuser"), error.getMessage());
        }
    }
}
