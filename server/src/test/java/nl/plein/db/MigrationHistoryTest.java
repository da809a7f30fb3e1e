package nl.plein.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import nl.plein.support.TestPostgis;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Databases migrated before and after V5 was edited in place (its index changed after it had landed)
 * both start with today's migrations and end with the same schema; any other edit stays refused.
 */
class MigrationHistoryTest {
    private static final String SET_INDEX = "CREATE INDEX placements_set_idx ON public.placements USING btree "
            + "(area_set_id, drawing, drawing_id) INCLUDE (area_id)";
    private Path folder;

    @AfterEach
    void cleanUp() {
        if (folder != null) {
            TestPostgis.deleteRecursively(folder);
        }
    }

    @Test
    void aDatabaseMigratedWithV5AsItLandedStartsAndGetsTheNewIndex() throws Exception {
        var target = migratedUpToV5("plein_v5_landed", resource("/nl/plein/db/V5__placements.as-landed.sql"));
        assertEquals("CREATE INDEX placements_set_idx ON public.placements USING btree (area_set_id, area_id)",
                setIndex(target));
        assertEquals(SET_INDEX, setIndexAfterStart(target));
    }

    @Test
    void aDatabaseMigratedWithV5AsEditedStartsAndKeepsItsIndex() throws Exception {
        var target = migratedUpToV5("plein_v5_edited", resource("/nl/plein/db/V5__placements.as-edited.sql"));
        assertEquals(SET_INDEX, setIndex(target));
        assertEquals(SET_INDEX, setIndexAfterStart(target));
    }

    @Test
    void anyOtherEditOfALandedMigrationIsStillRefused() throws Exception {
        String altered = resource("/db/migration/V5__placements.sql") + "-- an edit nobody knows of\n";
        var target = migratedUpToV5("plein_v5_other_edit", altered);
        try (var dataSource = Database.pool(target, 2)) {
            assertThrows(FlywayException.class, () -> Database.prepare(dataSource));
        }
    }

    /** A database migrated, as a server of that time did, by V1 to V4 of today and the given V5. */
    private Database.Target migratedUpToV5(String name, String v5) throws IOException, SQLException {
        var target = TestPostgis.emptyDatabase(name);
        try (var c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
             var st = c.createStatement()) {
            st.execute("CREATE EXTENSION postgis");
        }
        folder = Files.createTempDirectory(Path.of("target"), "migrations-");
        for (String file : List.of("V1__foundation.sql", "V2__client.sql", "V3__boundary_sets.sql",
                "V4__area_assignment.sql")) {
            Files.writeString(folder.resolve(file), resource("/db/migration/" + file));
        }
        Files.writeString(folder.resolve("V5__placements.sql"), v5);
        Flyway.configure().dataSource(target.jdbcUrl(), target.user(), target.password())
                .locations("filesystem:" + folder.toAbsolutePath()).load().migrate();
        return target;
    }

    /** Plein's own start-up path, then the index it left. */
    private static String setIndexAfterStart(Database.Target target) throws SQLException {
        try (var dataSource = Database.pool(target, 2)) {
            Database.prepare(dataSource);
        }
        var info = Flyway.configure().dataSource(target.jdbcUrl(), target.user(), target.password())
                .locations("classpath:db/migration").load().info();
        assertEquals(0, info.pending().length, "no migration left to apply");
        assertTrue(Integer.parseInt(info.current().getVersion().getVersion()) >= 11, "V11 applied");
        return setIndex(target);
    }

    private static String setIndex(Database.Target target) throws SQLException {
        try (var c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
             var st = c.createStatement();
             var rs = st.executeQuery("SELECT pg_get_indexdef('placements_set_idx'::regclass)")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MigrationHistoryTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
