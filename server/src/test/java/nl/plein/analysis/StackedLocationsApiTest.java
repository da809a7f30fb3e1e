package nl.plein.analysis;

import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.hexbins.HexGrid;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proposals stacked on one point (city-wide ideas geocoded to the town hall) and proposals about
 * the whole area, over real HTTP and PostGIS: every analysis says how many proposals share a
 * location and how many have no particular place; {@code locations=once} counts each location once,
 * which removes the cluster and hot spot the stack alone made; proposals about the whole area count
 * in participation and in no point analysis.
 */
class StackedLocationsApiTest {
    static TestServer server;
    static long projectId;
    static Client planner;
    static Client resident;
    static Client citywide;
    static final int STACKED = 20;
    static final int SPREAD = 8;
    static final int WHOLE_AREA = 3;
    static final double[] TOWN_HALL = {5.5030, 52.5030};

    @BeforeAll
    static void start() throws SQLException {
        server = TestServer.start();
        var admin = server.signedIn("admin@test.example", Role.ADMIN);
        projectId = admin.post("/api/projects", project("Stadhuis", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        try (var c = server.dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("INSERT INTO area_sets (name) VALUES ('Wijken')");
            // Four quarters of the project's area; the town hall lies in the south-west one.
            st.execute("""
                    INSERT INTO areas (area_set_id, code, name, population, geom)
                    SELECT s.id, a.code, a.name, 1000, ST_Multi(ST_MakeEnvelope(a.x0, a.y0, a.x0 + 0.005, a.y0 + 0.005, 4326))
                      FROM (VALUES ('WK01', 'Zuidwest', 5.500, 52.500), ('WK02', 'Zuidoost', 5.505, 52.500),
                                   ('WK03', 'Noordwest', 5.500, 52.505), ('WK04', 'Noordoost', 5.505, 52.505))
                           AS a (code, name, x0, y0)
                      CROSS JOIN area_sets s WHERE s.name = 'Wijken'""");
        }
        planner = server.signedIn("planner@test.example", Role.PLANNER);
        resident = server.signedIn("resident@test.example", Role.RESIDENT);
        citywide = server.signedIn("citywide@test.example", Role.RESIDENT);
        for (int i = 0; i < STACKED; i++) {
            propose(resident, "Gemeentebreed idee " + i, point(TOWN_HALL[0], TOWN_HALL[1]));
        }
        // A real group: eight proposals 10 to 30 m apart, far from the town hall.
        for (int i = 0; i < SPREAD; i++) {
            propose(resident, "Bomen in het park " + i, point(5.5070 + (i % 4) * 0.0002, 52.5070 + (i / 4) * 0.0002));
        }
        propose(resident, "Zebrapad", point(5.5012, 52.5088));
        for (int i = 0; i < WHOLE_AREA; i++) {
            citywide.post("/api/projects/" + projectId + "/proposals", feature(null,
                    Map.of("title", "Overal meer bankjes " + i, "locationMethod", "whole_area"))).expect(201);
        }
    }

    private static void propose(Client author, String title, Object geometry) {
        author.post("/api/projects/" + projectId + "/proposals", feature(geometry, Map.of("title", title))).expect(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode analysis(String name, String query) {
        return planner.get("/api/projects/" + projectId + "/analysis/" + name + query).expect(200).json();
    }

    private static void assertStacking(JsonNode answer, String counted, long repeatsLeftOut) {
        var locations = answer.get("locations");
        assertEquals(counted, locations.get("counted").asText(), answer.toString());
        assertEquals(STACKED, locations.get("sharedProposals").asLong(), "the twenty at the town hall share it");
        assertEquals(1, locations.get("sharedLocations").asLong());
        assertEquals(repeatsLeftOut, locations.get("repeatsLeftOut").asLong());
        assertEquals(WHOLE_AREA, locations.get("wholeArea").asLong(), "left out for having no particular place");
        assertEquals(counted, answer.get("parameters").get("locations").asText());
    }

    @Test
    void theStackMakesTheLargestClusterByDefaultAndNoneWhenEachLocationCountsOnce() {
        JsonNode all = analysis("clusters", "?eps=50&minPoints=5");
        assertStacking(all, "all", 0);
        assertEquals(2, all.get("clusters").asInt(), all.toString());
        assertEquals(STACKED, all.get("features").get(0).get("properties").get("members").asInt(),
                "the stack is the largest cluster");
        assertEquals(STACKED + SPREAD + 1, all.get("proposals").asInt(), "no proposal about the whole area");
        assertTrue(all.get("method").asText().contains("locations=once"), all.get("method").asText());

        JsonNode once = analysis("clusters", "?eps=50&minPoints=5&locations=once");
        assertStacking(once, "once", STACKED - 1);
        assertEquals(1, once.get("clusters").asInt(), "only the real group is left: " + once);
        assertEquals(SPREAD, once.get("features").get(0).get("properties").get("members").asInt());
        assertEquals(1 + SPREAD + 1, once.get("proposals").asInt());
    }

    @Test
    void hexagonsCountTheStackOnceWhenAskedAndNeverAProposalWithoutAPlace() {
        JsonNode all = analysis("hexbins", "?size=50");
        assertStacking(all, "all", 0);
        assertEquals(STACKED + SPREAD + 1, all.get("proposals").asLong());
        assertEquals(STACKED, max(all, "proposals"));
        JsonNode once = analysis("hexbins", "?size=50&locations=once");
        assertStacking(once, "once", STACKED - 1);
        assertEquals(1 + SPREAD + 1, once.get("proposals").asLong());
        assertTrue(max(once, "proposals") < STACKED);
    }

    @Test
    void theStackIsAHotSpotByDefaultAndNotWhenEachLocationCountsOnce() {
        JsonNode all = analysis("hotspots", "?size=50");
        assertStacking(all, "all", 0);
        String stackUnit = null;
        for (JsonNode f : all.get("features")) {
            if (f.get("properties").get("proposals").asLong() == STACKED) {
                stackUnit = f.get("id").asText();
                assertEquals(3, f.get("properties").get("class").asInt(), "the stack's hexagon is a hot spot: " + f);
            }
        }
        assertTrue(stackUnit != null, "a hexagon holds the stack");
        JsonNode once = analysis("hotspots", "?size=50&locations=once");
        assertStacking(once, "once", STACKED - 1);
        for (JsonNode f : once.get("features")) {
            if (f.get("id").asText().equals(stackUnit)) {
                assertEquals(1, f.get("properties").get("proposals").asLong());
                assertTrue(f.get("properties").get("class").asInt() <= 0, "no longer a hot spot: " + f);
            }
        }
        assertEquals(all.get("features"), analysis("hotspots", "?size=50&locations=all").get("features"),
                "all is the default");
    }

    @Test
    void moranOverAreasAndTheHeatmapSayHowProposalsSit() {
        long set = setId();
        JsonNode moran = analysis("moran", "?size=50&permutations=0&locations=once");
        assertStacking(moran, "once", STACKED - 1);
        JsonNode heatmap = analysis("heatmap", "?bandwidth=200");
        assertStacking(heatmap, "all", 0);
        assertEquals(STACKED + SPREAD + 1, heatmap.get("proposals").asInt());
        assertEquals(1 + SPREAD + 1, analysis("heatmap", "?bandwidth=200&locations=once").get("proposals").asInt());
        String areas = "?unit=areas&weights=knn&k=1&set=" + set;
        JsonNode byArea = analysis("hotspots", areas);
        JsonNode byAreaOnce = analysis("hotspots", areas + "&locations=once");
        assertStacking(byAreaOnce, "once", STACKED - 1);
        assertEquals(STACKED, proposalsIn(byArea, "Zuidwest"), byArea.toString());
        assertEquals(1, proposalsIn(byAreaOnce, "Zuidwest"), "the town hall counts once in its area");
        assertEquals(SPREAD, proposalsIn(byAreaOnce, "Noordoost"));
    }

    private static long proposalsIn(JsonNode answer, String area) {
        for (JsonNode f : answer.get("features")) {
            if (f.get("properties").path("name").asText().equals(area)) {
                return f.get("properties").get("proposals").asLong();
            }
        }
        throw new AssertionError("no unit " + area);
    }

    @Test
    void proposalsAboutTheWholeAreaCountInParticipation() {
        JsonNode participation = planner.get("/api/projects/" + projectId + "/participation?set=" + setId())
                .expect(200).json();
        var totals = participation.get("totals");
        assertEquals(STACKED + SPREAD + 1 + WHOLE_AREA, totals.get("proposals").asLong(), totals.toString());
        assertEquals(2, totals.get("participantsWithoutArea").asLong(), "the resident and the one who only"
                + " proposed for the whole area: " + totals);
    }

    @Test
    void proposalsAboutTheWholeAreaAreListedApartAndNeverInABoundingBox() {
        var anyone = server.anonymous();
        JsonNode apart = anyone.get("/api/proposals?project=" + projectId + "&place=whole_area").expect(200).json();
        assertEquals(WHOLE_AREA, apart.get("features").size());
        for (JsonNode f : apart.get("features")) {
            assertTrue(f.get("geometry").isNull(), f.toString());
            assertEquals("whole_area", f.get("properties").get("locationMethod").asText());
            assertTrue(!f.get("properties").has("kind"), f.toString());
        }
        JsonNode located = anyone.get("/api/proposals?project=" + projectId + "&place=located&limit=100")
                .expect(200).json();
        assertEquals(STACKED + SPREAD + 1, located.get("features").size());
        JsonNode inView = anyone.get("/api/proposals?project=" + projectId + "&bbox=5.49,52.49,5.52,52.52&limit=100")
                .expect(200).json();
        assertEquals(STACKED + SPREAD + 1, inView.get("features").size(), "the map never draws them");
        var tile = anyone.get("/api/proposals/clusters?project=" + projectId + "&bbox=5.49,52.49,5.52,52.52&zoom=12")
                .expect(200).json();
        long clustered = 0;
        for (JsonNode f : tile.get("features")) {
            clustered += f.get("properties").get("count").asLong();
        }
        assertEquals(STACKED + SPREAD + 1, clustered);
        var geojson = anyone.get("/api/projects/" + projectId + "/exports/proposals.geojson").expect(200).json();
        long nullGeometries = 0;
        for (JsonNode f : geojson.get("features")) {
            nullGeometries += f.get("geometry").isNull() ? 1 : 0;
        }
        assertEquals(WHOLE_AREA, nullGeometries, "exports keep them, with a null geometry");
    }

    @Test
    void theOgcAnalysisCollectionsTakeTheSameChoice() {
        var anyone = server.anonymous();
        String clusters = "/ogc/collections/clusters-" + projectId + "/items?eps=50&minPoints=5";
        assertEquals(2, anyone.get(clusters).expect(200).json().get("features").size());
        assertEquals(1, anyone.get(clusters + "&locations=once").expect(200).json().get("features").size());
        var bad = anyone.get(clusters + "&locations=twice").expect(400);
        assertTrue(bad.body().contains("\"locations\""), bad.body());
        JsonNode cells = anyone.get("/ogc/collections/hotspots-" + projectId + "/items?size=50&limit=1000")
                .expect(200).json();
        JsonNode cellsOnce = anyone.get("/ogc/collections/hotspots-" + projectId
                + "/items?size=50&limit=1000&locations=once").expect(200).json();
        long stack = stackCell();
        assertEquals(3, classOf(cells, stack), "the stack's hexagon is a hot spot");
        assertTrue(classOf(cellsOnce, stack) <= 0, "and is none once the town hall counts once");
        // The collection's hot cells are the analysis page's, counted the same way.
        JsonNode page = anyone.get("/api/projects/" + projectId + "/analysis/hotspots?size=50").expect(200).json();
        JsonNode pageOnce = anyone.get("/api/projects/" + projectId + "/analysis/hotspots?size=50&locations=once")
                .expect(200).json();
        assertEquals(count(page, 3), count(cells, 3), "hot cells, every proposal");
        assertEquals(count(pageOnce, 3), count(cellsOnce, 3), "hot cells, each location once");
    }

    @Test
    void aProposalNeedsAPlaceOrToSayItHasNone() {
        String path = "/api/projects/" + projectId + "/proposals";
        var missing = resident.post(path, feature(null, Map.of("title", "Ergens"))).expect(400);
        assertTrue(missing.body().contains("\"geometry\""), missing.body());
        var both = resident.post(path, feature(point(5.505, 52.505),
                Map.of("title", "Overal", "locationMethod", "whole_area"))).expect(400);
        assertTrue(both.body().contains("\"geometry\""), both.body());
    }

    @Test
    void anUnknownWayOfCountingLocationsIsAProblemNamingTheField() {
        var anyone = server.anonymous();
        for (String analysis : List.of("clusters", "hexbins", "hotspots", "moran", "heatmap")) {
            var response = anyone.get("/api/projects/" + projectId + "/analysis/" + analysis + "?locations=each")
                    .expect(400);
            assertTrue(response.header("Content-Type").startsWith("application/problem+json"), analysis);
            assertTrue(response.body().contains("\"locations\""), analysis + ": " + response.body());
        }
    }

    @Test
    void everyoneButPlannersSeesTheCountsUnderTheSmallCountRule() {
        JsonNode anyone = server.anonymous().get("/api/projects/" + projectId + "/analysis/clusters?eps=50")
                .expect(200).json();
        assertEquals("<5", anyone.get("locations").get("wholeArea").asText(), anyone.get("locations").toString());
        assertEquals(1, anyone.get("locations").get("sharedLocations").asLong());
    }

    /** The OGC id of the hexagon of edge 50 m that holds the town hall. */
    private static long stackCell() {
        for (JsonNode f : analysis("hexbins", "?size=50").get("features")) {
            if (f.get("properties").get("proposals").asLong() == STACKED) {
                return HexGrid.key(f.get("properties").get("i").asLong(), f.get("properties").get("j").asLong());
            }
        }
        throw new AssertionError("no hexagon holds the stack");
    }

    private static int classOf(JsonNode collection, long id) {
        for (JsonNode f : collection.get("features")) {
            if (f.get("id").asLong() == id) {
                return f.get("properties").get("class").asInt();
            }
        }
        throw new AssertionError("no cell " + id);
    }

    private static long setId() {
        try (var c = server.dataSource.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT id FROM area_sets WHERE name = 'Wijken'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long max(JsonNode collection, String property) {
        long max = 0;
        for (JsonNode f : collection.get("features")) {
            max = Math.max(max, f.get("properties").get(property).asLong());
        }
        return max;
    }

    private static long count(JsonNode collection, int cls) {
        var matching = new ArrayList<JsonNode>();
        for (JsonNode f : collection.get("features")) {
            if (f.get("properties").get("class").asInt() == cls) {
                matching.add(f);
            }
        }
        return matching.size();
    }
}
