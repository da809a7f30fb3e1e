package nl.plein.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A real GIS client reads the OGC API: GDAL's OAPIF driver (Debian gdal-bin, which the test
 * command installs). A missing ogrinfo fails these tests; it never skips them.
 */
class OgcGdalTest extends OgcServer {
    private static final Pattern LAYER = Pattern.compile("(?m)^Layer name: (\\S+)$");
    private static final Pattern COUNT = Pattern.compile("(?m)^Feature Count: (\\d+)$");

    /** Runs a GDAL program and returns what it printed; a failure or a missing program fails the test. */
    static String run(String... command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "GDAL took over two minutes");
            assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + output);
            return output;
        } catch (IOException e) {
            throw new AssertionError(command[0] + " cannot be run; install GDAL (Debian: gdal-bin)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Layer name → feature count, from ogrinfo's summary. */
    static Map<String, Long> counts(String ogrinfo) {
        var names = new ArrayList<String>();
        LAYER.matcher(ogrinfo).results().forEach(m -> names.add(m.group(1)));
        var numbers = new ArrayList<Long>();
        COUNT.matcher(ogrinfo).results().forEach(m -> numbers.add(Long.parseLong(m.group(1))));
        assertEquals(names.size(), numbers.size(), ogrinfo);
        var counts = new TreeMap<String, Long>();
        for (int i = 0; i < names.size(); i++) {
            counts.put(names.get(i), numbers.get(i));
        }
        return counts;
    }

    private static String source() {
        return "OAPIF:" + server.baseUrl + "/ogc";
    }

    @Test
    void req_core_fc_md_items_ogrinfo_sees_every_collection_with_its_feature_count() {
        String out = run("ogrinfo", "-ro", "-so", "-al", source());
        var expected = new TreeMap<>(Map.of("proposals-" + data.projectId, (long) OgcData.PUBLIC_PROPOSALS,
                "variants-" + data.projectId, 1L, "comments-" + data.projectId, 1L,
                "proposals-" + data.premoderatedId, 0L, "variants-" + data.premoderatedId, 0L,
                "comments-" + data.premoderatedId, 0L, "areas-" + data.setId, 2L,
                "participation-" + data.projectId + "-" + data.setId, 2L,
                "participation-" + data.premoderatedId + "-" + data.setId, 2L));
        for (long project : List.of(data.projectId, data.premoderatedId)) {
            // Proposals 68 m apart make no cluster at DBSCAN's default 100 m and 5 points.
            expected.put("clusters-" + project, 0L);
            // A hot-spot cell for every hexagon over the project, as the hexagon analysis counts them.
            expected.put("hotspots-" + project, (long) anyone.get("/api/projects/" + project + "/analysis/hexbins")
                    .expect(200).json().get("features").size());
        }
        assertEquals(expected, counts(out), out);
        assertTrue(expected.get("hotspots-" + data.projectId) > 10, expected::toString);
    }

    /** With two features a page, GDAL must follow next links to read all seven proposals. */
    @Test
    void req_core_fc_next_ogrinfo_follows_next_links() {
        String out = run("ogrinfo", "-ro", "-al", "-oo", "PAGE_SIZE=2", "--debug", "on", "-q", source(),
                "proposals-" + data.projectId);
        assertTrue(out.contains("limit=2&offset=6"), () -> "GDAL did not page through next links:\n" + out);
        for (int i = 0; i < OgcData.PUBLIC_PROPOSALS; i++) {
            assertTrue(out.contains("title (String) = Bankje " + i), out);
        }
        assertFalse(out.contains(OgcData.SECRET), out);
    }

    @Test
    void req_geojson_content_ogr2ogr_copies_proposals_into_a_geopackage() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "ogc-gdal"));
        Path gpkg = dir.resolve("proposals-" + data.projectId + ".gpkg");
        Files.deleteIfExists(gpkg);
        String layer = "proposals-" + data.projectId;
        run("ogr2ogr", "-f", "GPKG", gpkg.toString(), source(), layer);
        String out = run("ogrinfo", "-ro", "-so", gpkg.toString(), layer);
        assertEquals(Map.of(layer, (long) OgcData.PUBLIC_PROPOSALS), counts(out), out);
        assertTrue(out.contains("title: String"), out);
    }
}
