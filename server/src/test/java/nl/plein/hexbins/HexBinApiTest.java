package nl.plein.hexbins;

import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import nl.plein.support.Fixtures;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/projects/{id}/analysis/hexbins} over real HTTP. */
class HexBinApiTest {
    static TestServer server;
    static long projectId;
    static Client planner;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        var admin = server.signedIn("admin@test.example", Role.ADMIN);
        projectId = admin.post("/api/projects", project("Stadspark", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        var resident = server.signedIn("resident@test.example", Role.RESIDENT);
        planner = server.signedIn("planner@test.example", Role.PLANNER);
        // seven proposals within a few metres of each other, three spread out
        double[][] at = {{5.5030, 52.5030}, {5.50301, 52.50301}, {5.50302, 52.50300}, {5.50300, 52.50302},
                {5.50303, 52.50301}, {5.50301, 52.50303}, {5.50302, 52.50302}, {5.5060, 52.5060}, {5.5015, 52.5080},
                {5.5085, 52.5015}};
        for (int k = 0; k < at.length; k++) {
            resident.post("/api/projects/" + projectId + "/proposals", Fixtures.feature(point(at[k][0], at[k][1]),
                    Map.of("title", "Voorstel " + k, "category", "green"))).expect(201);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private String path(String query) {
        return "/api/projects/" + projectId + "/analysis/hexbins" + query;
    }

    @Test
    void everyHexagonOverTheAreaIsListedAndTheCountsAddUp() {
        JsonNode json = planner.get(path("?size=50")).expect(200).json();
        long expectedCells = Jdbis.create(server.dataSource).withHandle(h -> h.createQuery("""
                SELECT count(*) FROM (SELECT ST_Transform(area, project_metric_srid(id)) AS area FROM projects WHERE id = :id) s,
                       ST_HexagonGrid(50, s.area) h WHERE ST_Intersects(h.geom, s.area)""")
                .bind("id", projectId).mapTo(Long.class).one());

        assertEquals(expectedCells, json.get("features").size());
        assertEquals(expectedCells, json.get("cells").asLong());
        long sum = 0;
        long max = 0;
        for (JsonNode f : json.get("features")) {
            long n = f.get("properties").get("proposals").asLong();
            sum += n;
            max = Math.max(max, n);
            assertEquals("Polygon", f.get("geometry").get("type").asText());
        }
        assertEquals(10, json.get("proposals").asLong());
        assertEquals(10 - json.get("outside").asLong(), sum);
        assertEquals(7, max, "the seven close proposals share a hexagon");
        assertTrue(json.get("method").asText().contains("ST_HexagonGrid"));
    }

    @Test
    void everyoneElseSeesTheSmallCountRule() {
        JsonNode json = server.anonymous().get(path("?size=50")).expect(200).json();
        boolean sawSmall = false;
        for (JsonNode f : json.get("features")) {
            String n = f.get("properties").get("proposals").asText();
            assertTrue(n.equals("0") || n.equals("<5") || Long.parseLong(n) % 5 == 0, n);
            sawSmall |= n.equals("<5");
        }
        assertTrue(sawSmall);
        assertEquals("10", json.get("proposals").asText());
    }

    @Test
    void aGridBeyondTheCellBudgetIsRefusedWithTheSmallestSizeAllowed() {
        var response = server.anonymous().get(path("?size=1")).expect(400);
        assertTrue(response.body().contains("\"size\""), response.body());
        assertTrue(response.body().contains("at least"), response.body());
        for (var bad : List.of(List.of("?size=0", "size"), List.of("?size=abc", "size"), List.of("?size=99999", "size"),
                List.of("?status=unknown", "status"), List.of("?bandwidth=3", "bandwidth"))) {
            var r = server.anonymous().get(path(bad.get(0))).expect(400);
            assertTrue(r.body().contains("\"" + bad.get(1) + "\""), bad + ": " + r.body());
        }
    }
}
