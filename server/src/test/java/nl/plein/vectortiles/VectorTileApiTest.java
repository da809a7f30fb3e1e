package nl.plein.vectortiles;

import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.Fixtures;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /tiles/{layer}/{z}/{x}/{y}} over real HTTP on real PostGIS: each tile decoded and its
 * features, attributes and coordinates checked; what the public must not see; cache headers.
 */
class VectorTileApiTest {
    /** Zoom-12 tile that holds the whole test project (lon 5.50–5.51, lat 52.50–52.51). */
    private static final String WHOLE = "12/2110/1343";
    private static final double BENCH_LON = 5.505;
    private static final double BENCH_LAT = 52.505;

    static TestServer server;
    static HttpClient http = HttpClient.newHttpClient();
    static Client resident;
    static long projectId;
    static long setId;
    static Set<Long> visible = new TreeSet<>();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        var admin = server.signedIn("admin@test.example", Role.ADMIN);
        var moderator = server.signedIn("moderator@test.example", Role.MODERATOR);
        resident = server.signedIn("resident@test.example", Role.RESIDENT);
        // Pre-moderation: a proposal is 'submitted' until published, so one can stay unpublished.
        projectId = admin.post("/api/projects", project("Tegelplein", List.of("point", "line", "polygon"), true))
                .expect(201).json().get("id").asLong();
        long bench = propose(point(BENCH_LON, BENCH_LAT), "Bankje", "green");
        long route = propose(Fixtures.CYCLE_ROUTE, "Fietsroute", "traffic");
        long playground = propose(Fixtures.PLAYGROUND, "Speeltuin", "play");
        long hidden = propose(point(5.506, 52.506), "Verborgen", "green");
        long withdrawn = propose(point(5.507, 52.507), "Ingetrokken", "green");
        propose(point(5.508, 52.508), "Ingediend", "green");
        for (long id : List.of(bench, route, playground, hidden, withdrawn)) {
            moderator.post("/api/proposals/" + id + "/publish", Map.of("reason", "Civil and on topic")).expect(201);
        }
        moderator.post("/api/proposals/" + hidden + "/hide", Map.of("reason", "Personal attack")).expect(201);
        resident.delete("/api/proposals/" + withdrawn).expect(204);
        resident.put("/api/proposals/" + bench + "/support", Map.of()).expect(200);
        visible.addAll(List.of(bench, route, playground));

        var buurten = Map.of("type", "FeatureCollection", "features", List.of(
                buurt("BU0001", "West", 1200, 5.50, 5.505), buurt("BU0002", "Oost", 800, 5.505, 5.51)));
        setId = admin.post("/api/area-sets?name=Tegelwijken&year=2024&dryRun=false", buurten).expect(201)
                .json().get("id").asLong();
    }

    private static Map<String, Object> buurt(String code, String name, int population, double west, double east) {
        return Fixtures.feature(Fixtures.polygon(west, 52.50, east, 52.50, east, 52.51, west, 52.51, west, 52.50),
                Map.of("buurtcode", code, "buurtnaam", name, "aantal_inwoners", population, "wijkcode", "WK0001"));
    }

    private static long propose(Object geometry, String title, String category) {
        return resident.post("/api/projects/" + projectId + "/proposals", Fixtures.feature(geometry,
                Map.of("title", title, "description", "Omdat het helpt", "category", category)))
                .expect(201).json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> get(String path, String... headers) {
        var request = HttpRequest.newBuilder(server.anonymous().uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("HTTP request failed: " + e.getMessage(), e);
        }
    }

    private static MvtReader.Layer layer(String path, String name) {
        var response = get(path);
        assertEquals(200, response.statusCode(), () -> new String(response.body()));
        assertEquals(VectorTileRoutes.MEDIA_TYPE, response.headers().firstValue("Content-Type").orElseThrow());
        var layers = MvtReader.read(response.body());
        assertEquals(Set.of(name), layers.keySet());
        var layer = layers.get(name);
        assertEquals(2, layer.version());
        assertEquals(VectorTileStore.EXTENT, layer.extent());
        return layer;
    }

    private static String proposals(String tile) {
        return "/tiles/proposals/" + tile + "?project=" + projectId;
    }

    @Test
    void theProposalsTileHoldsThePublishedProposalsWithTheirAttributesAndNothingElse() {
        var layer = layer(proposals(WHOLE), "proposals");

        var ids = new TreeSet<Long>();
        for (var f : layer.features()) {
            ids.add(f.id());
            assertEquals(f.id(), ((Number) f.properties().get("id")).longValue(), "the id is an attribute too");
            assertEquals(Set.of("id", "title", "status", "category", "supportCount"), f.properties().keySet());
            assertEquals("published", f.properties().get("status"));
        }
        assertEquals(visible, ids, "the hidden, the withdrawn and the submitted proposal never appear");
        var bench = layer.features().stream().filter(f -> "Bankje".equals(f.properties().get("title")))
                .findFirst().orElseThrow();
        assertEquals("green", bench.properties().get("category"));
        assertEquals(1L, ((Number) bench.properties().get("supportCount")).longValue());
        assertEquals(MvtReader.POINT, bench.type());
        var types = new TreeSet<Integer>();
        layer.features().forEach(f -> types.add(f.type()));
        assertEquals(Set.of(MvtReader.POINT, MvtReader.LINESTRING, MvtReader.POLYGON), types);
    }

    @Test
    void everyVertexLiesInsideTheTileExtentAndAPointWhereWebMercatorPutsIt() {
        var layer = layer(proposals(WHOLE), "proposals");
        for (var f : layer.features()) {
            for (int[] v : f.vertices()) {
                assertTrue(v[0] >= 0 && v[0] <= 4096 && v[1] >= 0 && v[1] <= 4096, f.properties() + " at "
                        + v[0] + "," + v[1]);
            }
        }
        var bench = layer.features().stream().filter(f -> f.type() == MvtReader.POINT).findFirst().orElseThrow();
        double[] expected = tilePosition(BENCH_LON, BENCH_LAT, 12);
        assertEquals(2110, (int) expected[0]);
        assertEquals(1343, (int) expected[1]);
        assertEquals((expected[0] - 2110) * 4096, bench.vertices().get(0)[0], 1.0);
        assertEquals((expected[1] - 1343) * 4096, bench.vertices().get(0)[1], 1.0);
    }

    /** Slippy-map tile coordinates (with fraction) of a lon/lat position. */
    private static double[] tilePosition(double lon, double lat, int z) {
        double n = 1 << z;
        double phi = Math.toRadians(lat);
        return new double[] {(lon + 180) / 360 * n,
                (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * n};
    }

    @Test
    void aFeatureCutByTheTileEdgeIsClippedWithinTheBuffer() {
        // At zoom 15 the project's square covers six tiles, and the cycle route crosses from one to another.
        var routeTiles = new TreeSet<String>();
        boolean beyondTheEdge = false;
        for (int x = 16884; x <= 16885; x++) {
            for (int y = 10747; y <= 10749; y++) {
                String tile = "15/" + x + "/" + y;
                if (get(proposals(tile)).statusCode() == 204) {
                    continue;
                }
                for (var f : layer(proposals(tile), "proposals").features()) {
                    if (f.type() == MvtReader.LINESTRING) {
                        routeTiles.add(tile);
                    }
                    for (int[] v : f.vertices()) {
                        int lo = -VectorTileStore.BUFFER;
                        int hi = VectorTileStore.EXTENT + VectorTileStore.BUFFER;
                        assertTrue(v[0] >= lo && v[0] <= hi && v[1] >= lo && v[1] <= hi, tile + ": " + v[0] + "," + v[1]);
                        beyondTheEdge |= v[0] < 0 || v[0] > VectorTileStore.EXTENT || v[1] < 0
                                || v[1] > VectorTileStore.EXTENT;
                    }
                }
            }
        }
        assertTrue(routeTiles.size() >= 2, "the route is in each tile it crosses: " + routeTiles);
        assertTrue(beyondTheEdge, "a cut feature reaches into the buffer, so neighbouring tiles join");
    }

    @Test
    void gdalReadsTheProposalsTileWithItsFeaturesAttributesAndPlace() throws Exception {
        // GDAL's MVT driver places a tile by its z/x/y path, as a tile cache stores it.
        var file = java.nio.file.Path.of("target", "vector-tiles", "12", "2110", "1343.pbf");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, get(proposals(WHOLE)).body());
        var ogrinfo = new ProcessBuilder("ogrinfo", "-ro", "-al", "-so", file.toString()).redirectErrorStream(true)
                .start();
        String out = new String(ogrinfo.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, ogrinfo.waitFor(), out);

        assertTrue(out.contains("Layer name: proposals"), out);
        assertTrue(out.contains("Feature Count: " + visible.size()), out);
        for (String field : List.of("id: ", "title: String", "status: String", "category: String", "supportCount: ")) {
            assertTrue(out.contains(field), field + " in " + out);
        }
        var extent = java.util.regex.Pattern.compile("Extent: \\(([-\\d.]+), ([-\\d.]+)\\) - \\(([-\\d.]+), ([-\\d.]+)\\)")
                .matcher(out);
        assertTrue(extent.find(), out);
        // The south-west corner is the cycle route's start (5.501, 52.501), in Web Mercator metres; a pixel
        // of a zoom-12 tile is about 2.4 m.
        double radius = 6378137;
        assertEquals(Math.toRadians(5.501) * radius, Double.parseDouble(extent.group(1)), 5);
        assertEquals(Math.log(Math.tan(Math.PI / 4 + Math.toRadians(52.501) / 2)) * radius,
                Double.parseDouble(extent.group(2)), 5);
    }

    @Test
    void theAreasTileHoldsTheSetsAreasWithCodeNameAndPopulation() {
        var layer = layer("/tiles/areas/" + WHOLE + "?set=" + setId, "areas");

        assertEquals(2, layer.features().size());
        var byCode = new java.util.TreeMap<Object, MvtReader.Feature>();
        layer.features().forEach(f -> byCode.put(f.properties().get("code"), f));
        var west = byCode.get("BU0001");
        assertEquals("West", west.properties().get("name"));
        assertEquals(1200L, ((Number) west.properties().get("population")).longValue());
        assertEquals(west.id(), ((Number) west.properties().get("id")).longValue());
        assertEquals(Set.of("id", "code", "name", "population"), west.properties().keySet());
        assertEquals("Oost", byCode.get("BU0002").properties().get("name"));
        for (var f : layer.features()) {
            assertEquals(MvtReader.POLYGON, f.type());
            f.vertices().forEach(v -> assertTrue(v[0] >= 0 && v[0] <= 4096 && v[1] >= 0 && v[1] <= 4096));
        }
    }

    @Test
    void anEmptyTileIsNoContentWithTheSameCacheHeaders() {
        var response = get(proposals("12/0/0"));

        assertEquals(204, response.statusCode());
        assertEquals(0, response.body().length);
        assertTrue(response.headers().firstValue("ETag").isPresent());
        assertEquals(VectorTileRoutes.PROPOSALS_CACHE, response.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void theSameEtagInIfNoneMatchGivesNotModified() {
        var first = get(proposals(WHOLE));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "a strong ETag: " + etag);
        assertTrue(first.headers().firstValue("Cache-Control").orElseThrow().startsWith("public, max-age="));

        for (String sent : List.of(etag, "\"other\", " + etag, "W/" + etag)) {
            var again = get(proposals(WHOLE), "If-None-Match", sent);
            assertEquals(304, again.statusCode(), sent);
            assertEquals(0, again.body().length);
            assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
        }
        assertEquals(200, get(proposals(WHOLE), "If-None-Match", "\"other\"").statusCode());
    }

    @Test
    void theEtagChangesAfterANewProposal() {
        var admin = server.signedIn("admin2@test.example", Role.ADMIN);
        long other = admin.post("/api/projects", project("Kerkplein", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        String path = "/tiles/proposals/" + WHOLE + "?project=" + other;
        var before = get(path);
        assertEquals(204, before.statusCode(), "no proposals yet");
        String etag = before.headers().firstValue("ETag").orElseThrow();

        resident.post("/api/projects/" + other + "/proposals", Fixtures.proposal(point(5.503, 52.503), "Nieuw"))
                .expect(201);

        var after = get(path, "If-None-Match", etag);
        assertEquals(200, after.statusCode());
        assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());
        assertEquals(1, MvtReader.read(after.body()).get("proposals").features().size());
    }

    @Test
    void areaTilesAreCachedLongUnderAnEtagOfTheSet() {
        String path = "/tiles/areas/" + WHOLE + "?set=" + setId;
        var response = get(path);
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertEquals(VectorTileRoutes.AREAS_CACHE, response.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(304, get(path, "If-None-Match", etag).statusCode());
    }

    @Test
    void theTileRowMayEndInMvtOrPbf() {
        for (String suffix : List.of(".mvt", ".pbf")) {
            assertEquals(visible.size(), layer(proposals("12/2110/1343" + suffix), "proposals").features().size());
        }
    }

    @Test
    void badTileNumbersAndParametersAreProblemsNamingTheField() {
        var anyone = server.anonymous();
        for (var bad : List.of(List.of(proposals("23/0/0"), "z"), List.of(proposals("-1/0/0"), "z"),
                List.of(proposals("z/0/0"), "z"), List.of(proposals("12/4096/0"), "x"),
                List.of(proposals("12/0/4096"), "y"), List.of(proposals("0/0/1"), "y"),
                List.of(proposals("12/2110/1343.png"), "y"), List.of(proposals("12/1.5/0"), "x"),
                List.of("/tiles/proposals/12/2110/1343", "project"),
                List.of("/tiles/proposals/12/2110/1343?project=abc", "project"),
                List.of(proposals(WHOLE) + "&set=1", "set"), List.of(proposals(WHOLE) + "&project=2", "project"),
                List.of("/tiles/areas/12/2110/1343", "set"), List.of("/tiles/areas/12/2110/1343?set=1&zoom=3", "zoom"))) {
            var response = anyone.get(bad.get(0)).expect(400);
            assertTrue(response.header("Content-Type").startsWith("application/problem+json"), bad.toString());
            assertTrue(response.body().contains("\"field\":\"" + bad.get(1) + "\""),
                    bad + " names its field: " + response.body());
        }
    }

    @Test
    void anUnknownLayerProjectOrSetIsNotFound() {
        var anyone = server.anonymous();
        for (String path : List.of("/tiles/comments/12/2110/1343?project=" + projectId,
                "/tiles/proposals/12/2110/1343?project=999999", "/tiles/areas/12/2110/1343?set=999999")) {
            var response = anyone.get(path).expect(404);
            assertTrue(response.header("Content-Type").startsWith("application/problem+json"), path);
            assertNull(response.header("ETag"), path);
        }
    }
}
