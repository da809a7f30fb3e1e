package nl.plein.hotspots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import nl.plein.db.Jdbis;
import nl.plein.gisdata.boundaries.ImportBoundaries;
import nl.plein.gisdata.boundaries.ImportOptions;
import nl.plein.support.TestPostgis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plein's queen contiguity on real, unsnapped boundaries, the 3,475 CBS wijken of 2024 (simplified,
 * with a 17 repaired), equals spdep's poly2nb on the same file with the same snap in the same CRS:
 * the same links, the same islands. R computes its side here, with queen.R, so the test holds for
 * whatever file sits in the shared data. Neither the data nor anything derived from it is in the
 * repository: the file is read from {@code ../shared/data} beside the clone (or from
 * {@code PLEIN_SHARED_DATA}), and the test fails, saying so, when it or R is missing.
 */
class WijkenContiguityTest {
    private static final String FILE = "nl-wijken-2024/wijken_2024_valid.geojson";
    private static HikariDataSource db;

    @BeforeAll
    static void database() {
        db = TestPostgis.freshDatabase();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** The shared data folder: ../shared/data beside the clone (Maven runs this from server/). */
    private static Path sharedData() {
        String configured = System.getenv("PLEIN_SHARED_DATA");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of("..", "..", "shared", "data").toAbsolutePath().normalize();
    }

    private static Path wijken() {
        Path file = sharedData().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            fail("The CBS wijken of 2024 are missing: put " + FILE + " (see its SOURCE.md) in " + sharedData()
                    + ", the shared/data folder beside the clone, or set PLEIN_SHARED_DATA to the folder that holds it.");
        }
        return file;
    }

    @Test
    void onTheCbsWijkenOf2024PleinFindsTheLinksAndIslandsPoly2nbFinds(@TempDir Path dir) throws Exception {
        Path file = wijken();
        var jdbi = Jdbis.create(db);
        var options = ImportOptions.parse(file.toString(), "--preset", "cbs-new", "--level", "district",
                "--set-name", "CBS wijken", "--year", "2024", "--commit");
        long setId = jdbi.withHandle(h -> ImportBoundaries.run(h, options, line -> { })).setId();
        int srid = jdbi.withHandle(h -> h.createQuery("SELECT metric_srid FROM area_sets WHERE id = :id")
                .bind("id", setId).mapTo(Integer.class).one());
        Map<Long, String> codes = jdbi.withHandle(h -> h.createQuery("SELECT id, code FROM areas WHERE area_set_id = :set")
                .bind("set", setId).reduceResultSet(new HashMap<Long, String>(), (byId, rs, ctx) -> {
                    byId.put(rs.getLong(1), rs.getString(2));
                    return byId;
                }));
        long started = System.nanoTime();
        Map<Long, long[]> queen = jdbi.inTransaction(h -> {
            h.execute("SET LOCAL jit = off"); // as under the analysis time limit
            return QueenContiguity.of(h, setId);
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        var plein = new TreeSet<String>();
        queen.forEach((id, neighbours) -> {
            for (long n : neighbours) {
                plein.add(codes.get(id) + "," + codes.get(n));
            }
        });
        var pleinIslands = new TreeSet<String>(codes.values());
        queen.keySet().forEach(id -> pleinIslands.remove(codes.get(id)));
        System.out.printf("Plein: %d wijken, %d links, %d islands %s, in %.1f s (EPSG:%d, snap %s m)%n",
                codes.size(), plein.size(), pleinIslands.size(), pleinIslands, seconds, srid,
                QueenContiguity.SNAP_METRES);

        Path out = dir.resolve("wijken-queen-nb.csv");
        poly2nb(file, srid, out);
        var lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        var spdep = new TreeSet<String>(lines.subList(1, lines.size()));
        var spdepIslands = new TreeSet<String>(codes.values());
        spdep.forEach(pair -> spdepIslands.remove(pair.split(",")[0]));
        assertEquals(3475, codes.size());
        assertEquals(spdepIslands, pleinIslands, "islands");
        var onlyPlein = new TreeSet<>(plein);
        onlyPlein.removeAll(spdep);
        var onlySpdep = new TreeSet<>(spdep);
        onlySpdep.removeAll(plein);
        assertEquals(Set.of(), onlyPlein, "links Plein finds and poly2nb does not");
        assertEquals(Set.of(), onlySpdep, "links poly2nb finds and Plein does not");
        assertTrue(plein.size() > 10_000, "the wijken are mostly contiguous: " + plein.size() + " links");
    }

    /** Runs queen.R (beside reference.R) on the file: spdep's poly2nb with Plein's snap, in Plein's CRS. */
    private static void poly2nb(Path file, int srid, Path out) throws IOException, InterruptedException {
        Path script = Path.of("src", "test", "resources", "hotspots", "queen.R").toAbsolutePath();
        List<String> command = List.of("Rscript", script.toString(), file.toString(), "wijkcode",
                Integer.toString(srid), Double.toString(QueenContiguity.SNAP_METRES), out.toString());
        Process r;
        try {
            r = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("Rscript is needed for the reference (R with spdep and sf: ./plein test installs"
                    + " Debian's r-cran-spdep and r-cran-sf): " + e.getMessage(), e);
        }
        String output = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!r.waitFor(5, TimeUnit.MINUTES) || r.exitValue() != 0) {
            fail("queen.R failed (R with spdep and sf is needed: ./plein test installs Debian's r-cran-spdep and"
                    + " r-cran-sf):\n" + output);
        }
        System.out.print("spdep: " + output);
    }
}
