package nl.plein.hexbins;

import static nl.plein.support.Fixtures.point;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Without a size, hexagons get the project's default edge: 100 m where that stays within
 * PLEIN_ANALYSIS_MAX_CELLS, larger on a project too large for it, the same in every route.
 */
class DefaultHexagonSizeTest {
    static TestServer server;
    static long projectId;
    static Client planner;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        var admin = server.signedIn("admin@test.example", Role.ADMIN);
        // About 27 by 28 km, the box of a large municipality: some 29,000 hexagons of 100 m, over the default limit.
        var body = new HashMap<>(Fixtures.project("Gemeente", List.of("point"), false));
        body.put("geometry", Fixtures.polygon(5.0, 52.0, 5.4, 52.0, 5.4, 52.25, 5.0, 52.25, 5.0, 52.0));
        projectId = admin.post("/api/projects", body).expect(201).json().get("id").asLong();
        planner = server.signedIn("planner@test.example", Role.PLANNER);
        var resident = server.signedIn("resident@test.example", Role.RESIDENT);
        for (int k = 0; k < 12; k++) {
            double lon = k < 8 ? 5.1 + 0.0005 * k : 5.3 - 0.01 * k;
            resident.post("/api/projects/" + projectId + "/proposals",
                    Fixtures.proposal(point(lon, 52.1 + 0.0003 * k), "Plan " + k)).expect(201);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aLargeProjectWithoutASizeGetsCellsWithinTheLimitFromEveryRoute() {
        String base = "/api/projects/" + projectId + "/analysis/";
        JsonNode hexbins = planner.get(base + "hexbins").expect(200).json();
        double size = hexbins.get("parameters").get("size").asDouble();
        int cells = hexbins.get("cells").asInt();
        assertTrue(size > 100, "a larger edge than 100 m: " + size);
        assertTrue(cells > 10_000 && cells <= 20_000 * 1.05, cells + " cells");

        for (String route : List.of("hotspots", "moran?permutations=0")) {
            JsonNode answer = planner.get(base + route).expect(200).json();
            assertEquals(size, answer.get("parameters").get("size").asDouble(), route);
            assertEquals(cells, answer.get("features").size(), route);
        }
        JsonNode ogc = server.anonymous().get("/ogc/collections/hotspots-" + projectId + "/items?limit=1").expect(200)
                .json();
        assertEquals(cells, ogc.get("numberMatched").asInt(), "the OGC collection uses the same default");

        // A size asked for is still checked against the limit.
        JsonNode problem = planner.get(base + "hexbins?size=100").expect(400).json();
        assertEquals("size", problem.get("errors").get(0).get("field").asText());
    }
}
