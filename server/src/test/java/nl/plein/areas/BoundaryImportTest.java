package nl.plein.areas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.plein.db.Jdbis;
import nl.plein.gisdata.boundaries.ImportBoundaries;
import nl.plein.gisdata.boundaries.ImportException;
import nl.plein.gisdata.boundaries.ImportOptions;
import nl.plein.gisdata.boundaries.ImportReport;
import nl.plein.support.TestPostgis;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The boundary importer against a real PostGIS, on the fixtures the gis-data module's tests use. */
class BoundaryImportTest {
    // The named fixtures live with the reader's tests in gis-data; Maven runs this test from server/.
    private static final Path FIXTURES = Path.of("..", "gis-data", "src", "test", "resources", "boundaries");
    private static HikariDataSource db;
    private static Jdbi jdbi;

    @BeforeAll
    static void database() {
        db = TestPostgis.freshDatabase();
        jdbi = Jdbis.create(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static ImportReport run(String file, String... options) {
        List<String> args = new ArrayList<>(List.of(FIXTURES.resolve(file).toString()));
        args.addAll(List.of(options));
        var parsed = ImportOptions.parse(args.toArray(String[]::new));
        return jdbi.withHandle(h -> ImportBoundaries.run(h, parsed, line -> { }));
    }

    private static long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** A count over one area set, the statement naming it {@code :set}. */
    private static long count(String sql, long set) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("set", set).mapTo(Long.class).one());
    }

    @Test
    void aDryRunReportsButWritesNothingAndCommitWritesTheSameInOneSet() {
        long before = count("SELECT count(*) FROM area_sets");
        ImportReport dry = run("cbs-old-buurten.geojson", "--set-name", "Proefstad buurten", "--year", "2017");
        assertFalse(dry.committed());
        assertEquals(3, dry.areas());
        assertEquals(2080, dry.populationTotal());
        assertEquals(List.of("BU09990002"), dry.unknownPopulation());
        assertEquals(before, count("SELECT count(*) FROM area_sets"));
        assertEquals(0, count("SELECT count(*) FROM areas WHERE code LIKE 'BU0999%'"));

        ImportReport done = run("cbs-old-buurten.geojson", "--set-name", "Proefstad buurten", "--year", "2017",
                "--commit");
        assertTrue(done.committed());
        assertEquals(3, count("SELECT count(*) FROM areas WHERE area_set_id = :set", done.setId()));
        assertEquals(1, count("SELECT count(*) FROM areas WHERE area_set_id = :set AND population IS NULL",
                done.setId()));
        assertEquals(2080, count("SELECT sum(population) FROM areas WHERE area_set_id = :set", done.setId()));
        assertEquals(1, count(
                "SELECT count(*) FROM area_sets WHERE id = :set AND kind = 'neighbourhood' AND year = 2017",
                done.setId()));
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndAnotherYearAddsASet() {
        ImportReport first = run("cbs-new-wijken.geojson", "--set-name", "Proefstad wijken", "--year", "2023", "--commit");
        long areas = count("SELECT count(*) FROM areas");
        ImportReport again = run("cbs-new-wijken.geojson", "--set-name", "Proefstad wijken", "--year", "2023", "--commit");
        assertTrue(again.unchanged());
        assertTrue(again.describe().contains("nothing changed"), again.describe());
        assertEquals(first.setId(), again.setId());
        assertEquals(areas, count("SELECT count(*) FROM areas"));

        ImportReport next = run("cbs-new-wijken.geojson", "--set-name", "Proefstad wijken", "--year", "2024", "--commit");
        assertTrue(next.committed());
        assertEquals(2, count("SELECT count(*) FROM area_sets WHERE name = 'Proefstad wijken'"));
        assertEquals(areas + 3, count("SELECT count(*) FROM areas"));
    }

    @Test
    void anotherFileIntoAnExistingSetIsRefusedAndTheSetKept() {
        run("cbs-new-gemeenten.geojson", "--set-name", "Kept", "--year", "2020", "--commit");
        var e = assertThrows(ImportException.class,
                () -> run("cbs-new-wijken.geojson", "--set-name", "Kept", "--year", "2020", "--commit"));
        assertTrue(e.getMessage().contains("never overwritten"), e.getMessage());
        assertEquals(1, count("SELECT count(*) FROM areas a JOIN area_sets s ON s.id = a.area_set_id "
                + "WHERE s.name = 'Kept'"));
    }

    @Test
    void rdNewCoordinatesAreTransformedToLongitudeLatitude() {
        ImportReport report = run("rd-new-wijken.geojson", "--set-name", "RD", "--commit");
        assertEquals(28992, report.srid());
        // RD (233000, 582000) lies in the city of Groningen, near 6.56 E, 53.22 N.
        assertEquals(1, count("""
                SELECT count(*) FROM areas WHERE area_set_id = :set AND code = 'WK099900'
                   AND ST_SRID(geom) = 4326 AND abs(ST_XMin(geom) - 6.56) < 0.02 AND abs(ST_YMin(geom) - 53.22) < 0.02""",
                report.setId()));
    }

    @Test
    void aBowTieIsStoredRepairedAsAValidMultiPolygonAndListed() {
        ImportReport report = run("bow-tie.geojson", "--set-name", "Strik", "--code", "code", "--name", "naam",
                "--population", "inwoners", "--commit");
        assertEquals(1, report.repaired().size());
        assertTrue(report.repaired().get(0).startsWith("A1"), report.repaired().toString());
        assertEquals(1, count("""
                SELECT count(*) FROM areas WHERE area_set_id = :set AND code = 'A1'
                   AND ST_IsValid(geom) AND GeometryType(geom) = 'MULTIPOLYGON' AND ST_NumGeometries(geom) = 2""",
                report.setId()));
    }

    @Test
    void areasLinkToTheirParentsInTheParentSet() {
        run("cbs-new-gemeenten.geojson", "--set-name", "Gemeenten", "--year", "2024", "--commit");
        ImportReport dry = run("cbs-new-wijken.geojson", "--set-name", "Wijken", "--year", "2024",
                "--parent-set", "Gemeenten", "--parent-year", "2024");
        assertEquals(3, dry.parentsLinked());
        ImportReport report = run("cbs-new-wijken.geojson", "--set-name", "Wijken", "--year", "2024",
                "--parent-set", "Gemeenten", "--parent-year", "2024", "--commit");
        assertEquals(3, report.parentsLinked());
        assertEquals(0, report.parentsMissing());
        assertEquals(3, count("""
                SELECT count(*) FROM areas a JOIN areas p ON p.id = a.parent_id
                 WHERE a.area_set_id = :set AND p.code = 'GM0999'""", report.setId()));
    }

    @Test
    void aFileWithoutItsMappedFieldsWritesNothing(@TempDir Path dir) throws Exception {
        long before = count("SELECT count(*) FROM area_sets");
        Path copy = dir.resolve("x.geojson");
        Files.copy(FIXTURES.resolve("bow-tie.geojson"), copy);
        jdbi.useHandle(h -> assertThrows(ImportException.class, () -> ImportBoundaries.run(h,
                ImportOptions.parse(copy.toString(), "--code", "nope", "--commit"), line -> { })));
        assertEquals(before, count("SELECT count(*) FROM area_sets"));
    }
}
