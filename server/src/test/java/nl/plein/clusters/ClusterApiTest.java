package nl.plein.clusters;

import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.Fixtures;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/projects/{id}/analysis/clusters} over real HTTP: shape, small counts, parameters, cache. */
class ClusterApiTest {
    static TestServer server;
    static long projectId;
    static Client resident;
    static Client planner;

    private static final List<String> TITLES = List.of("Bomen langs de Dorpsstraat", "Meer bomen op het plein",
            "Bomen en bankjes", "Een speeltuin voor de buurt", "Bomen, bomen en nog eens bomen", "Schaduw bij de bank");

    @BeforeAll
    static void start() {
        server = TestServer.start();
        var admin = server.signedIn("admin@test.example", Role.ADMIN);
        projectId = admin.post("/api/projects", project("Dorpsplein", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        resident = server.signedIn("resident@test.example", Role.RESIDENT);
        planner = server.signedIn("planner@test.example", Role.PLANNER);
        // Six proposals about 7 m apart (one cluster), two far from them and from each other (noise).
        for (int i = 0; i < TITLES.size(); i++) {
            propose(TITLES.get(i), 5.5030 + i * 0.0001, 52.5030, i == 3 ? "play" : "green");
        }
        propose("Fietsenstalling bij het station", 5.5090, 52.5080, "traffic");
        propose("Zebrapad", 5.5010, 52.5090, "traffic");
    }

    private static void propose(String title, double lon, double lat, String category) {
        resident.post("/api/projects/" + projectId + "/proposals", Fixtures.feature(point(lon, lat),
                Map.of("title", title, "description", "Omdat het helpt", "category", category))).expect(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private String path(String query) {
        return "/api/projects/" + projectId + "/analysis/clusters" + query;
    }

    @Test
    void aPlannerSeesTheClusterWithRawCountsItsMixItsMostSupportedAndItsWords() {
        var response = planner.get(path("?eps=50&minPoints=3")).expect(200);
        JsonNode json = response.json();

        assertTrue(response.header("Content-Type").startsWith("application/geo+json"));
        assertEquals("FeatureCollection", json.get("type").asText());
        assertEquals(1, json.get("features").size());
        var cluster = json.get("features").get(0);
        assertEquals("Polygon", cluster.get("geometry").get("type").asText());
        var props = cluster.get("properties");
        assertEquals(6, props.get("members").asInt());
        assertTrue(props.get("members").isNumber());
        assertEquals("green", props.get("categories").get(0).get("category").asText());
        assertEquals(5, props.get("categories").get(0).get("count").asInt());
        assertEquals(Clusters.TOP, props.get("mostSupported").size());
        assertEquals(2, props.get("centre").size(), "the centre as a GeoJSON position: " + props.get("centre"));
        assertTrue(props.get("centre").get(0).isNumber() && props.get("centre").get(1).isNumber());
        assertEquals("bomen", props.get("words").get(0).get("word").asText(), props.get("words").toString());
        assertEquals(4, props.get("words").get(0).get("count").asInt(), "once per title, in four titles");
        assertEquals(8, json.get("proposals").asInt());
        assertEquals(2, json.get("noise").asInt());
        assertTrue(json.get("method").asText().contains("ST_ClusterDBSCAN"));
        assertTrue(json.get("method").asText().contains("EPSG:28992"), json.get("method").asText());
    }

    @Test
    void everyoneElseSeesSmallCountsHiddenAndOthersRounded() {
        JsonNode json = server.anonymous().get(path("?eps=50&minPoints=3")).expect(200).json();
        var props = json.get("features").get(0).get("properties");

        assertFalse(json.get("raw").asBoolean());
        assertEquals("5", props.get("members").asText(), "6 rounded to the nearest 5");
        assertEquals("<5", json.get("noise").asText());
        for (JsonNode c : props.get("categories")) {
            assertTrue(c.get("count").isTextual());
        }
        assertTrue(json.get("method").asText().contains("<5"), json.get("method").asText());
    }

    @Test
    void aNewProposalIsInTheNextAnswer() {
        var admin = server.signedIn("admin2@test.example", Role.ADMIN);
        long other = admin.post("/api/projects", project("Kerkplein", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        String path = "/api/projects/" + other + "/analysis/clusters?eps=50&minPoints=2";
        for (int i = 0; i < 2; i++) {
            resident.post("/api/projects/" + other + "/proposals", Fixtures.feature(point(5.5030 + i * 0.0001, 52.5030),
                    Map.of("title", "Bankje " + i, "category", "green"))).expect(201);
        }
        assertEquals(2, planner.get(path).expect(200).json().get("features").get(0).get("properties").get("members")
                .asInt());

        resident.post("/api/projects/" + other + "/proposals", Fixtures.feature(point(5.5032, 52.5030),
                Map.of("title", "Nog een bankje", "category", "green"))).expect(201);

        JsonNode after = planner.get(path).expect(200).json();
        assertEquals(3, after.get("proposals").asInt());
        assertEquals(3, after.get("features").get(0).get("properties").get("members").asInt());
    }

    @Test
    void filtersAndDefaultsApply() {
        JsonNode traffic = planner.get(path("?eps=50&minPoints=1&category=traffic")).expect(200).json();
        assertEquals(2, traffic.get("proposals").asInt());
        assertEquals(2, traffic.get("features").size(), "with minPoints 1 every proposal is a cluster");

        JsonNode defaults = planner.get(path("")).expect(200).json();
        // eps by default: the knee of the 4-distances, here that of the row's ends (4 × 7 m), not the far two.
        double eps = defaults.get("parameters").get("eps").asDouble();
        assertTrue(eps > 20 && eps < 35, defaults.get("parameters")::toString);
        assertTrue(defaults.get("parameters").get("epsChosen").asBoolean());
        assertTrue(defaults.get("method").asText().contains("by default"), defaults.get("method")::asText);
        assertEquals(ClusterParameters.DEFAULT_MIN_POINTS, defaults.get("parameters").get("minPoints").asInt());
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        var anyone = server.anonymous();
        for (var bad : List.of(List.of("?eps=0", "eps"), List.of("?eps=-5", "eps"), List.of("?eps=ten", "eps"),
                List.of("?eps=NaN", "eps"), List.of("?eps=100000", "eps"), List.of("?minPoints=0", "minPoints"),
                List.of("?minPoints=2.5", "minPoints"), List.of("?category=nope", "category"),
                List.of("?status=lost", "status"), List.of("?from=2026-05-02&to=2026-05-01", "to"),
                List.of("?radius=100", "radius"), List.of("?eps=10&eps=20", "eps"))) {
            var response = anyone.get(path(bad.get(0))).expect(400);
            assertTrue(response.header("Content-Type").startsWith("application/problem+json"), bad.toString());
            assertTrue(response.body().contains("\"" + bad.get(1) + "\""), bad + " names its field: " + response.body());
        }
        anyone.get("/api/projects/999999/analysis/clusters").expect(404);
    }
}
