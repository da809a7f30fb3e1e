package nl.plein.proposals;

import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many proposals on a map: counts per grid cell with the list's filters and visibility, and lists
 * simplified for display. Twelve points near the south-west corner of the project, five near the
 * north-east corner (about a kilometre apart), of which one is hidden and one is "traffic".
 */
class ClusterTest {
    static final String BBOX = "5.50,52.50,5.51,52.51";
    static TestServer server;
    static Client admin;
    static Client anna;
    static long projectId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.signedIn("admin@test.example", Role.ADMIN);
        Client moderator = server.signedIn("moderator@test.example", Role.MODERATOR);
        anna = server.signedIn("anna@test.example", Role.RESIDENT);
        projectId = admin.post("/api/projects", project("Marktplein", List.of("point", "line", "polygon"), false))
                .expect(201).json().get("id").asLong();
        for (int i = 0; i < 12; i++) {
            propose(5.5010 + i * 0.0001, 52.5010, "green");
        }
        for (int i = 0; i < 4; i++) {
            propose(5.5090 + i * 0.0001, 52.5090, i == 0 ? "traffic" : "green");
        }
        long hidden = propose(5.5095, 52.5095, "green");
        moderator.post("/api/proposals/" + hidden + "/hide", Map.of("reason", "Off topic")).expect(201);
    }

    private static long propose(double lon, double lat, String category) {
        return anna.post("/api/projects/" + projectId + "/proposals", feature(point(lon, lat),
                Map.of("title", "Bank", "category", category))).expect(201).json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode clusters(String query) {
        return server.anonymous().get("/api/proposals/clusters?project=" + projectId + "&bbox=" + BBOX + query)
                .expect(200).json().get("features");
    }

    private static int total(JsonNode clusters) {
        int sum = 0;
        for (JsonNode c : clusters) {
            sum += c.get("properties").get("count").asInt();
        }
        return sum;
    }

    @Test
    void atAStreetZoomTwoGroupsFormAndTheHiddenProposalIsNotCounted() {
        JsonNode clusters = clusters("&zoom=15");
        assertEquals(2, clusters.size(), clusters.toString());
        assertEquals(12, clusters.get(0).get("properties").get("count").asInt());
        assertEquals(4, clusters.get(1).get("properties").get("count").asInt());
        JsonNode big = clusters.get(0);
        double lon = big.get("geometry").get("coordinates").get(0).asDouble();
        assertEquals(5.50155, lon, 1e-6, "the mean position of the members");
        JsonNode bbox = big.get("properties").get("bbox");
        assertEquals(5.5010, bbox.get(0).asDouble(), 1e-9);
        assertEquals(5.5021, bbox.get(2).asDouble(), 1e-9);
        assertFalse(big.get("properties").has("proposalId"));
    }

    @Test
    void countsAddUpToTheVisibleProposalsAtEveryZoom() {
        int visible = server.anonymous().get("/api/proposals?project=" + projectId + "&bbox=" + BBOX + "&limit=1000")
                .expect(200).json().get("features").size();
        assertEquals(16, visible);
        for (int zoom : new int[] {0, 10, 15, 18, 22}) {
            assertEquals(visible, total(clusters("&zoom=" + zoom)), "zoom " + zoom);
        }
        int staffSees = 0;
        for (JsonNode c : admin.get("/api/proposals/clusters?project=" + projectId + "&bbox=" + BBOX + "&zoom=15")
                .expect(200).json().get("features")) {
            staffSees += c.get("properties").get("count").asInt();
        }
        int staffList = admin.get("/api/proposals?project=" + projectId + "&bbox=" + BBOX + "&limit=1000")
                .expect(200).json().get("features").size();
        assertTrue(staffList > visible, "staff see the hidden one too");
        assertEquals(staffList, staffSees, "as in the list");
    }

    @Test
    void atTheDeepestZoomEveryProposalStandsAloneWithItsId() {
        JsonNode clusters = clusters("&zoom=22");
        assertEquals(16, clusters.size());
        var ids = new ArrayList<Long>();
        for (JsonNode c : clusters) {
            assertEquals(1, c.get("properties").get("count").asInt());
            ids.add(c.get("properties").get("proposalId").asLong());
        }
        assertEquals(16, ids.stream().distinct().count());
    }

    @Test
    void theListsFiltersApply() {
        assertEquals(1, total(clusters("&zoom=15&category=traffic")));
        assertEquals(4, total(server.anonymous().get("/api/proposals/clusters?project=" + projectId
                + "&bbox=5.505,52.505,5.51,52.51&zoom=15").expect(200).json().get("features")));
        assertEquals(0, total(clusters("&zoom=15&q=nothing-like-this")));
        assertEquals(16, total(clusters("&zoom=15&status=published")));
    }

    @Test
    void zoomAndBboxAreRequiredAndChecked() {
        var client = server.anonymous();
        for (String bad : new String[] {"&zoom=23", "&zoom=-1", "&zoom=far", ""}) {
            var problem = client.get("/api/proposals/clusters?bbox=" + BBOX + bad).expect(400).json();
            assertEquals("zoom", problem.get("errors").get(0).get("field").asText(), bad);
        }
        var problem = client.get("/api/proposals/clusters?zoom=10").expect(400).json();
        assertEquals("bbox", problem.get("errors").get(0).get("field").asText());
        client.get("/api/proposals/clusters?zoom=10&bbox=" + BBOX + "&limit=5").expect(400);
    }

    @Test
    void aListForAZoomSimplifiesLongLinesButLeavesPointsAlone() {
        var positions = new ArrayList<List<Double>>();
        for (int i = 0; i <= 400; i++) {
            // A gentle zigzag of a few centimetres along a 700 m line: invisible below street level.
            positions.add(List.of(5.5005 + i * 0.000022, 52.5050 + (i % 2 == 0 ? 0 : 0.0000003)));
        }
        long lineId = anna.post("/api/projects/" + projectId + "/proposals", feature(
                Map.of("type", "LineString", "coordinates", positions), Map.of("title", "Lange route")))
                .expect(201).json().get("id").asLong();
        JsonNode exact = find(server.anonymous().get("/api/proposals?project=" + projectId).expect(200).json(), lineId);
        JsonNode simplified = find(server.anonymous().get("/api/proposals?project=" + projectId + "&zoom=14")
                .expect(200).json(), lineId);
        assertEquals(401, exact.get("geometry").get("coordinates").size());
        int kept = simplified.get("geometry").get("coordinates").size();
        assertTrue(kept >= 2 && kept < 20, "simplified to " + kept + " vertices");
        assertEquals("line", simplified.get("properties").get("kind").asText());

        JsonNode points = server.anonymous().get("/api/proposals?project=" + projectId + "&zoom=3&category=green")
                .expect(200).json();
        JsonNode pointsExact = server.anonymous().get("/api/proposals?project=" + projectId + "&category=green")
                .expect(200).json();
        assertEquals(pointsExact.get("features").size(), points.get("features").size());
        for (int i = 0; i < points.get("features").size(); i++) {
            assertEquals(pointsExact.get("features").get(i).get("geometry"), points.get("features").get(i).get("geometry"));
        }
        server.anonymous().get("/api/proposals?zoom=23").expect(400);
        anna.delete("/api/proposals/" + lineId).expect(204);
    }

    private static JsonNode find(JsonNode collection, long id) {
        for (JsonNode f : collection.get("features")) {
            if (f.get("id").asLong() == id) {
                return f;
            }
        }
        throw new AssertionError("proposal " + id + " is not listed");
    }
}
