package nl.plein.heatmap;

import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.support.Fixtures;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/projects/{id}/analysis/heatmap} over real HTTP. */
class HeatmapApiTest {
    static TestServer server;
    static long projectId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        var admin = server.signedIn("admin@test.example", Role.ADMIN);
        projectId = admin.post("/api/projects", project("Warmte", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        var resident = server.signedIn("resident@test.example", Role.RESIDENT);
        var random = new Random(5);
        for (int k = 0; k < 30; k++) {
            // well inside the project's area, so that no kernel reaches past the grid
            double lon = 5.5035 + random.nextDouble() * 0.003;
            double lat = 52.5035 + random.nextDouble() * 0.003;
            resident.post("/api/projects/" + projectId + "/proposals", Fixtures.feature(point(lon, lat),
                    Map.of("title", "Voorstel " + k, "category", "green"))).expect(201);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDefaultBandwidthFollowsArcGisAndTheDensityIntegratesToTheProposals() {
        JsonNode json = server.anonymous().get("/api/projects/" + projectId + "/analysis/heatmap").expect(200).json();

        // ArcGIS's rule, computed here from the points as PostGIS projects them
        double[][] xy = Jdbis.create(server.dataSource).withHandle(h -> {
            var rows = h.createQuery("SELECT ST_X(g), ST_Y(g) FROM (SELECT ST_Transform(geom, project_metric_srid(:project)) AS g"
                    + " FROM proposals WHERE project_id = :project) q").bind("project", projectId)
                    .map((rs, ctx) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).list();
            return rows.toArray(double[][]::new);
        });
        int n = xy.length;
        double mx = Arrays.stream(xy).mapToDouble(p -> p[0]).average().orElseThrow();
        double my = Arrays.stream(xy).mapToDouble(p -> p[1]).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(xy).mapToDouble(p -> (p[0] - mx) * (p[0] - mx) + (p[1] - my) * (p[1] - my))
                .sum() / n);
        double[] d = Arrays.stream(xy).mapToDouble(p -> Math.hypot(p[0] - mx, p[1] - my)).sorted().toArray();
        double median = n % 2 == 1 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2;
        double h = 0.9 * Math.min(sd, Math.sqrt(1 / Math.log(2)) * median) * Math.pow(n, -0.2);

        assertEquals(h, json.get("bandwidth").asDouble(), 1e-6 * h);
        assertTrue(json.get("defaultBandwidth").asBoolean());
        int columns = json.get("columns").asInt();
        int rows = json.get("rows").asInt();
        assertEquals(columns * rows, json.get("values").size());
        assertEquals(250, Math.min(columns, rows), "the shorter side has 250 cells by default");
        double cellKm2 = Math.pow(json.get("cellSize").asDouble() / 1000, 2);
        double mass = 0;
        for (JsonNode v : json.get("values")) {
            mass += v.asDouble() * cellKm2;
        }
        assertEquals(n, mass, 0.02 * n, "the kernels integrate to the number of proposals");
        assertTrue(json.get("method").asText().contains("Quartic"));
        assertEquals("Polygon", json.get("outline").get("type").asText());
    }

    @Test
    void aGivenBandwidthAndCellAreUsed() {
        JsonNode json = server.anonymous().get("/api/projects/" + projectId + "/analysis/heatmap?bandwidth=150&cellSize=20")
                .expect(200).json();
        assertEquals(150, json.get("bandwidth").asDouble());
        assertEquals(20, json.get("cellSize").asDouble());
        assertTrue(json.get("maxValue").asDouble() > 0);
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        for (var bad : List.of(List.of("?bandwidth=0", "bandwidth"), List.of("?bandwidth=-3", "bandwidth"),
                List.of("?cellSize=0.5", "cellSize"), List.of("?cellSize=x", "cellSize"), List.of("?radius=2", "radius"),
                List.of("?category=nope", "category"))) {
            var r = server.anonymous().get("/api/projects/" + projectId + "/analysis/heatmap" + bad.get(0)).expect(400);
            assertTrue(r.body().contains("\"" + bad.get(1) + "\""), bad + ": " + r.body());
        }
    }
}
