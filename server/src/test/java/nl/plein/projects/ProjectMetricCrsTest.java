package nl.plein.projects;

import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.polygon;
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

/**
 * A project's metric CRS is its own (migration V12): chosen from its location when it is made,
 * changed only by an admin, and the one every analysis answers in, whatever boundary sets are
 * imported and whatever is cached.
 */
class ProjectMetricCrsTest {
    static TestServer server;
    static Client admin;
    static Client planner;
    static Client resident;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.signedIn("admin@test.example", Role.ADMIN);
        planner = server.signedIn("planner@test.example", Role.PLANNER);
        resident = server.signedIn("resident@test.example", Role.RESIDENT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A project over the fixtures' square in the Netherlands, with twelve proposals in two groups. */
    private static long projectWithProposals(String title) {
        long id = admin.post("/api/projects", Fixtures.project(title, List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        for (int k = 0; k < 12; k++) {
            double lon = (k < 6 ? 5.502 : 5.507) + 0.00002 * k;
            double lat = (k < 6 ? 52.503 : 52.507) + 0.00001 * k;
            resident.post("/api/projects/" + id + "/proposals", Fixtures.proposal(point(lon, lat), "Bank " + k))
                    .expect(201);
        }
        return id;
    }

    private static long create(String title, Map<String, Object> area) {
        return admin.post("/api/projects", Fixtures.feature(area, Map.of("title", title))).expect(201)
                .json().get("id").asLong();
    }

    private static int metricSrid(long projectId) {
        return server.anonymous().get("/api/projects/" + projectId).expect(200).json().get("properties")
                .get("metricSrid").asInt();
    }

    /** The CRS every analysis of the project says it ran in, one entry per analysis. */
    private static List<String> analysisCrs(long projectId, String query) {
        String base = "/api/projects/" + projectId + "/analysis/";
        JsonNode clusters = planner.get(base + "clusters?eps=40" + query).expect(200).json();
        JsonNode hexbins = planner.get(base + "hexbins?size=60" + query).expect(200).json();
        JsonNode hotspots = planner.get(base + "hotspots?size=60" + query).expect(200).json();
        JsonNode moran = planner.get(base + "moran?size=60&permutations=0" + query).expect(200).json();
        JsonNode heatmap = planner.get(base + "heatmap?bandwidth=100" + query).expect(200).json();
        return List.of(epsg(clusters.get("method").asText()), epsg(hexbins.get("method").asText()),
                epsg(hotspots.get("method").asText()), epsg(moran.get("method").asText()), heatmap.get("crs").asText());
    }

    private static String epsg(String method) {
        var m = java.util.regex.Pattern.compile("EPSG:[0-9]+").matcher(method);
        assertTrue(m.find(), method);
        return m.group();
    }

    @Test
    void aNewProjectGetsRdNewInTheNetherlandsAndItsUtmZoneElsewhere() {
        assertEquals(28992, metricSrid(create("Utrecht", Fixtures.PROJECT_AREA)));
        assertEquals(32631, metricSrid(create("Paris", polygon(2.34, 48.85, 2.36, 48.85, 2.36, 48.86, 2.34, 48.86,
                2.34, 48.85))));
        assertEquals(32756, metricSrid(create("Sydney", polygon(151.20, -33.88, 151.22, -33.88, 151.22, -33.86,
                151.20, -33.86, 151.20, -33.88))));
        // Partly outside RD New's area of use: the UTM zone of its centroid (32 for Münster).
        assertEquals(32632, metricSrid(create("Grens", polygon(7.1, 52.0, 7.6, 52.0, 7.6, 52.1, 7.1, 52.1,
                7.1, 52.0))));
    }

    @Test
    void importingAnUnrelatedBoundarySetDoesNotChangeAnyAnswer() {
        long id = projectWithProposals("Import");
        List<String> before = analysisCrs(id, "");
        String clustersBefore = planner.get("/api/projects/" + id + "/analysis/clusters?eps=40").expect(200).body();

        // A boundary set in another CRS, newer than any other and covering the project, as an import makes it.
        Jdbis.create(server.dataSource).useTransaction(h -> {
            long set = h.createQuery("INSERT INTO area_sets (name, metric_srid) VALUES ('Elders', 32632) RETURNING id")
                    .mapTo(Long.class).one();
            h.createUpdate("INSERT INTO areas (area_set_id, code, name, geom) VALUES (:set, 'X1', 'Alles',"
                    + " ST_Multi(ST_MakeEnvelope(5.4, 52.4, 5.6, 52.6, 4326)))").bind("set", set).execute();
        });

        // Answers not cached yet (another filter) and cached ones alike stay in the project's CRS.
        assertEquals(before, analysisCrs(id, "&category=green"));
        assertEquals(before, analysisCrs(id, ""));
        assertEquals(clustersBefore, planner.get("/api/projects/" + id + "/analysis/clusters?eps=40").expect(200).body());
        assertEquals(List.of("EPSG:28992", "EPSG:28992", "EPSG:28992", "EPSG:28992", "EPSG:28992"), before);
        assertEquals(28992, metricSrid(id));
    }

    @Test
    void anAdminChangeChangesEveryAnswerAndNoCachedResultIsServedAfterIt() {
        long id = projectWithProposals("Wissel");
        assertEquals(List.of("EPSG:28992", "EPSG:28992", "EPSG:28992", "EPSG:28992", "EPSG:28992"), analysisCrs(id, ""));
        long version = analysisVersion(id);

        JsonNode changed = admin.patch("/api/projects/" + id, Map.of("type", "Feature",
                "properties", Map.of("metricSrid", 32631))).expect(200).json();
        assertEquals(32631, changed.get("properties").get("metricSrid").asInt());
        assertTrue(analysisVersion(id) > version, "the change starts a new analysis version");
        assertEquals(List.of("EPSG:32631", "EPSG:32631", "EPSG:32631", "EPSG:32631", "EPSG:32631"), analysisCrs(id, ""));

        long again = analysisVersion(id);
        admin.patch("/api/projects/" + id, Map.of("type", "Feature", "properties", Map.of("metricSrid", 28992)))
                .expect(200);
        assertTrue(analysisVersion(id) > again);
        assertEquals(List.of("EPSG:28992", "EPSG:28992", "EPSG:28992", "EPSG:28992", "EPSG:28992"), analysisCrs(id, ""));

        // The same CRS again is no change: the cached results stay good.
        long same = analysisVersion(id);
        admin.patch("/api/projects/" + id, Map.of("type", "Feature", "properties", Map.of("metricSrid", 28992)))
                .expect(200);
        assertEquals(same, analysisVersion(id));
    }

    private static long analysisVersion(long projectId) {
        return Jdbis.create(server.dataSource).withHandle(h -> h.createQuery("SELECT coalesce((SELECT proposals"
                + " FROM analysis_versions WHERE project_id = :project), 0)").bind("project", projectId)
                .mapTo(Long.class).one());
    }

    @Test
    void onlyAProjectedCrsInMetresIsAcceptedAndOnlyFromAnAdmin() {
        long id = create("Streng", Fixtures.PROJECT_AREA);
        for (Object bad : List.of(4326, 3857, 4978, 123456, "28992", 0)) {
            JsonNode problem = admin.patch("/api/projects/" + id, Map.of("type", "Feature",
                    "properties", Map.of("title", "Veranderd", "metricSrid", bad))).expect(400).json();
            assertEquals("properties.metricSrid", problem.get("errors").get(0).get("field").asText(), bad.toString());
        }
        JsonNode project = server.anonymous().get("/api/projects/" + id).expect(200).json().get("properties");
        assertEquals("Streng", project.get("title").asText(), "a refused change writes nothing");
        assertEquals(28992, project.get("metricSrid").asInt());

        var change = Map.of("type", "Feature", "properties", Map.of("metricSrid", 32631));
        planner.patch("/api/projects/" + id, change).expect(403);
        resident.patch("/api/projects/" + id, change).expect(403);
        assertEquals(28992, metricSrid(id));

        // Chosen at creation by an admin, checked the same way.
        JsonNode created = admin.post("/api/projects", Fixtures.feature(Fixtures.PROJECT_AREA,
                Map.of("title", "UTM", "metricSrid", 32631))).expect(201).json();
        assertEquals(32631, created.get("properties").get("metricSrid").asInt());
        admin.post("/api/projects", Fixtures.feature(Fixtures.PROJECT_AREA, Map.of("title", "Graden", "metricSrid", 4326)))
                .expect(400);
    }
}
