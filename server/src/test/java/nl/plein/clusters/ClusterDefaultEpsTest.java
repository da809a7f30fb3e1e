package nl.plein.clusters;

import static nl.plein.support.Fixtures.point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.Fixtures;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DBSCAN's default eps follows the proposals and the project's size: on a square of about 400 by
 * 300 m with two groups 70 m apart, it finds both (a fixed 100 m joined them into one), in the API
 * and the OGC collection alike; an eps asked for still wins.
 */
class ClusterDefaultEpsTest {
    static TestServer server;
    static long projectId;
    static Client planner;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        var admin = server.signedIn("admin@test.example", Role.ADMIN);
        var body = new HashMap<>(Fixtures.project("Marktplein", List.of("point"), false));
        body.put("geometry", Fixtures.polygon(5.500, 52.500, 5.5058, 52.500, 5.5058, 52.5027, 5.500, 52.5027,
                5.500, 52.500));
        projectId = admin.post("/api/projects", body).expect(201).json().get("id").asLong();
        planner = server.signedIn("planner@test.example", Role.PLANNER);
        var resident = server.signedIn("resident@test.example", Role.RESIDENT);
        // Two groups of six on rings of 3 m, their centres 70 m apart, and four proposals far from both.
        double[][] centres = {{5.5015, 52.5013}, {5.5015 + 70 / 67_900.0, 52.5013}};
        int n = 0;
        for (double[] c : centres) {
            for (int k = 0; k < 6; k++) {
                double angle = k * Math.PI / 3;
                propose(resident, c[0] + 3 * Math.cos(angle) / 67_900, c[1] + 3 * Math.sin(angle) / 111_250, n++);
            }
        }
        for (double[] far : new double[][] {{5.5050, 52.5024}, {5.5052, 52.5003}, {5.5003, 52.5025}, {5.5045, 52.5013}}) {
            propose(resident, far[0], far[1], n++);
        }
    }

    private static void propose(Client resident, double lon, double lat, int k) {
        resident.post("/api/projects/" + projectId + "/proposals", Fixtures.proposal(point(lon, lat), "Kraam " + k))
                .expect(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode clusters(String query) {
        return planner.get("/api/projects/" + projectId + "/analysis/clusters" + query).expect(200).json();
    }

    @Test
    void theDefaultFindsBothGroupsAndSaysHowItChoseEps() {
        JsonNode answer = clusters("");
        assertEquals(2, answer.get("clusters").asInt(), answer.get("parameters")::toString);
        for (JsonNode f : answer.get("features")) {
            assertEquals(6, f.get("properties").get("members").asInt());
        }
        assertEquals(4, answer.get("noise").asInt());
        JsonNode parameters = answer.get("parameters");
        assertTrue(parameters.get("epsChosen").asBoolean());
        double eps = parameters.get("eps").asDouble();
        assertTrue(eps >= DefaultEps.MIN_EPS && eps < 70, "eps " + eps);
        String method = answer.get("method").asText();
        assertTrue(method.contains("by default") && method.contains("k-distance"), method);

        // The OGC collection takes the same default.
        JsonNode ogc = server.anonymous().get("/ogc/collections/clusters-" + projectId + "/items").expect(200).json();
        assertEquals(2, ogc.get("numberMatched").asInt());
    }

    @Test
    void anEpsAskedForStillWins() {
        JsonNode answer = clusters("?eps=100");
        assertEquals(1, answer.get("clusters").asInt(), "at 100 m the two groups are one");
        assertEquals(12, answer.get("features").get(0).get("properties").get("members").asInt());
        assertEquals(100, answer.get("parameters").get("eps").asDouble());
        assertFalse(answer.get("parameters").get("epsChosen").asBoolean());
        assertFalse(answer.get("method").asText().contains("by default"));
        assertEquals(1, server.anonymous().get("/ogc/collections/clusters-" + projectId + "/items?eps=100")
                .expect(200).json().get("numberMatched").asInt());
    }
}
