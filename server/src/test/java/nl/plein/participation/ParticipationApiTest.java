package nl.plein.participation;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The newest boundary set has Noord (1,000 residents), Zuid (2,000) and Onbekend (population
 * unknown); an older set must not show. In the project, six people from Noord and two from Zuid
 * take part by proposing, commenting and supporting; one Noord resident does all three and counts
 * once. Someone without a home area, and someone who only took part in another project, do not count.
 */
class ParticipationApiTest {
    static TestServer server;
    static long projectId;
    static Client planner;

    @BeforeAll
    static void start() throws SQLException {
        server = TestServer.start();
        var admin = server.signedIn("admin@test.example", Role.ADMIN);
        projectId = admin.post("/api/projects", project("Marktplein", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        long otherProject = admin.post("/api/projects", project("Haven", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        try (var c = server.dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("INSERT INTO area_sets (name) VALUES ('Buurten 2024'), ('Buurten 2025')");
            st.execute("""
                    INSERT INTO areas (area_set_id, code, name, population, geom)
                    SELECT s.id, a.code, a.name, a.population, ST_Multi(ST_MakeEnvelope(a.x0, 52.4, a.x1, 52.6, 4326))
                      FROM (VALUES ('Buurten 2024', 'BU00', 'Oud', 9000, 5.4, 5.6),
                                   ('Buurten 2025', 'BU01', 'Noord', 1000, 5.4, 5.5),
                                   ('Buurten 2025', 'BU02', 'Zuid', 2000, 5.5, 5.6),
                                   ('Buurten 2025', 'BU03', 'Onbekend', NULL, 5.6, 5.7))
                           AS a (set_name, code, name, population, x0, x1)
                      JOIN area_sets s ON s.name = a.set_name""");
        }
        planner = server.signedIn("planner@test.example", Role.PLANNER);
        var author = resident("noord1", "Noord");
        long proposalId = author.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, "Bankjes"))
                .expect(201).json().get("id").asLong();
        author.post("/api/proposals/" + proposalId + "/comments", feature(null, Map.of("body", "en schaduw")))
                .expect(201);
        for (var name : List.of("noord2", "noord3", "zuid1")) {
            resident(name, name.startsWith("noord") ? "Noord" : "Zuid")
                    .post("/api/proposals/" + proposalId + "/comments", feature(null, Map.of("body", "ja")))
                    .expect(201);
        }
        for (var name : List.of("noord4", "noord5", "noord6", "zuid2")) {
            resident(name, name.startsWith("noord") ? "Noord" : "Zuid")
                    .put("/api/proposals/" + proposalId + "/support", Map.of()).expect(200);
        }
        server.signedIn("thuisloos@test.example", Role.RESIDENT)
                .put("/api/proposals/" + proposalId + "/support", Map.of()).expect(200);
        resident("elders", "Zuid").post("/api/projects/" + otherProject + "/proposals", proposal(INSIDE_POINT, "Kade"))
                .expect(201);
    }

    private static Client resident(String name, String homeArea) throws SQLException {
        var client = server.signedIn(name + "@test.example", Role.RESIDENT);
        try (var c = server.dataSource.getConnection(); var st = c.prepareStatement("""
                UPDATE accounts SET home_area_id = (SELECT id FROM areas WHERE name = ?)
                 WHERE email = ?""")) {
            st.setString(1, homeArea);
            st.setString(2, name + "@test.example");
            assertEquals(1, st.executeUpdate());
        }
        return client;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode planner(String query) {
        return planner.get("/api/projects/" + projectId + "/participation" + query).expect(200).json();
    }

    private static JsonNode area(JsonNode body, String name) {
        for (JsonNode a : body.get("areas")) {
            if (a.get("name").asText().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no area " + name + " in " + body.get("areas"));
    }

    @Test
    void aPlannerSeesRawCountsWithRatesAndIntervals() {
        JsonNode body = planner("");
        assertEquals("raw", body.get("view").asText());
        assertEquals("Buurten 2025", body.get("areaSet").get("name").asText());
        assertTrue(body.get("method").asText().contains("Buurten 2025"), "the method names the boundary set");

        var totals = body.get("totals");
        assertEquals(8, totals.get("participants").asLong());
        assertEquals(8, totals.get("participantsAllAreas").asLong());
        assertEquals(1, totals.get("participantsWithoutArea").asLong(), "the one without a home area");
        assertEquals(3000, totals.get("population").asLong());
        var areas = body.get("areas");
        assertEquals(List.of("Noord", "Onbekend", "Zuid"),
                List.of(areas.get(0).get("name").asText(), areas.get(1).get("name").asText(),
                        areas.get(2).get("name").asText()));
        var noord = areas.get(0);
        assertEquals(6, noord.get("participants").asLong());
        assertEquals(6.0, noord.get("ratePer1000").asDouble(), 1e-12);
        assertEquals((6.0 / 8) / (1000.0 / 3000), noord.get("ratio").asDouble(), 1e-12);
        assertEquals(Participation.garwoodLower(6) / (1000.0 * 8 / 3000), noord.get("ratioLower").asDouble(), 1e-12);
        var unknown = areas.get(1);
        assertTrue(unknown.get("population").isNull());
        assertTrue(unknown.get("ratePer1000").isNull());
        assertEquals("UNKNOWN", unknown.get("representation").asText());
        assertEquals(2, areas.get(2).get("participants").asLong());
        assertEquals(3, body.get("lorenz").size(), "(0,0) and the two areas of known population");
    }

    @Test
    void activityIsCountedWhereItLiesAndFlowsFromHomeToProposal() {
        JsonNode body = planner("");
        var totals = body.get("totals");
        assertEquals(List.of(1L, 0L, 4L, 5L), List.of(totals.get("proposals").asLong(), totals.get("variants").asLong(),
                totals.get("comments").asLong(), totals.get("supports").asLong()), "the other project is not counted");
        // The proposal, its unpinned comments and its supports all lie in Zuid (lon 5.505).
        var zuid = area(body, "Zuid");
        assertEquals(List.of(1L, 4L, 5L), List.of(zuid.get("proposals").asLong(), zuid.get("comments").asLong(),
                zuid.get("supports").asLong()));
        assertEquals(0, area(body, "Noord").get("proposals").asLong());

        var flows = body.get("flows");
        assertEquals(1, flows.size());
        assertEquals("Noord", flows.get(0).get("homeName").asText());
        assertEquals("Zuid", flows.get(0).get("proposalName").asText());
        assertEquals(1, flows.get(0).get("proposals").asLong());

        // From Noord's centroid (5.45, 52.5) to the proposal (5.505, 52.505), measured independently on
        // the spheroid; the planar UTM distance Plein uses agrees within a few parts in a thousand.
        double geodesic;
        try (var c = server.dataSource.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT ST_Distance('SRID=4326;POINT(5.45 52.5)'::geography,"
                     + " 'SRID=4326;POINT(5.505 52.505)'::geography)")) {
            rs.next();
            geodesic = rs.getDouble(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        var distances = body.get("distances");
        assertEquals(1, distances.get("proposals").asLong());
        assertEquals(geodesic, distances.get("medianMetres").asDouble(), geodesic * 0.003);
        assertEquals(1, distances.get("bins").get(4).get("proposals").asLong(), "3.8 km: the 2-5 km bin");

        var weekly = body.get("weekly");
        assertEquals(1, weekly.size(), "everything happened this week");
        assertEquals(9, weekly.get(0).get("participants").asLong(), "including the one without a home area");
        assertEquals(9, weekly.get(0).get("newParticipants").asLong());
        assertEquals(4, weekly.get(0).get("comments").asLong());
    }

    @Test
    void aDateRangeAndAnotherBoundarySetAreHonoured() throws SQLException {
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).plusDays(1).toString();
        JsonNode later = planner("?from=" + tomorrow);
        assertEquals(0, later.get("totals").get("participantsAllAreas").asLong());
        assertEquals(0, later.get("weekly").size());
        assertEquals(tomorrow, later.get("from").asText());
        assertTrue(later.get("method").asText().contains("from " + tomorrow));
        String yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).minusDays(1).toString();
        assertEquals(8, planner("?from=" + yesterday + "&to=" + tomorrow).get("totals").get("participants").asLong());

        long old;
        try (var c = server.dataSource.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT id FROM area_sets WHERE name = 'Buurten 2024'")) {
            rs.next();
            old = rs.getLong(1);
        }
        JsonNode byOldSet = planner("?set=" + old);
        assertEquals(1, byOldSet.get("areas").size());
        assertEquals(8, area(byOldSet, "Oud").get("participants").asLong(), "homes in the newer set, counted in Oud");
        assertEquals(1, area(byOldSet, "Oud").get("proposals").asLong());
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        var anyone = server.anonymous();
        String base = "/api/projects/" + projectId + "/participation";
        for (var bad : List.of(List.of("?from=2026-13-01", "from"), List.of("?to=yesterday", "to"),
                List.of("?from=2026-05-02&to=2026-05-01", "to"), List.of("?set=0", "set"), List.of("?set=999999", "set"),
                List.of("?colour=red", "colour"), List.of("?set=1&set=2", "set"))) {
            var response = anyone.get(base + bad.get(0)).expect(400);
            assertTrue(response.header("Content-Type").startsWith("application/problem+json"), bad.toString());
            assertTrue(response.body().contains("\"" + bad.get(1) + "\""), bad + " names its field: " + response.body());
        }
        anyone.get(base + ".csv?table=people").expect(400);
        anyone.get(base + ".geojson?table=weekly").expect(400);
    }

    @Test
    void everyoneElseSeesThePublicFormWithoutRawSmallCounts() {
        for (var client : List.of(server.anonymous(), server.signedIn("bewoner@test.example", Role.RESIDENT))) {
            var response = client.get("/api/projects/" + projectId + "/participation").expect(200);
            JsonNode body = response.json();

            assertEquals("public", body.get("view").asText());
            assertEquals("10", body.get("totals").get("participants").asText());
            assertEquals("<5", body.get("totals").get("participantsWithoutArea").asText());
            var areas = body.get("areas");
            assertEquals("x", areas.get(0).get("participants").asText(), "Noord hidden: Zuid = total - Noord");
            assertEquals("SECONDARY", areas.get(0).get("hidden").asText());
            assertEquals("0", areas.get(1).get("participants").asText());
            assertEquals("<5", areas.get(2).get("participants").asText());
            assertTrue(areas.get(2).get("ratePer1000").isNull());
            assertEquals("<5", areas.get(2).get("comments").asText());
            assertEquals("5", areas.get(2).get("supports").asText());
            assertEquals(0, body.get("lorenz").size());
            assertTrue(areas.get(0).get("ratioLower").isNull());
            assertEquals(0, body.get("flows").size(), "a pair of fewer than 5 proposals is not listed");
            assertTrue(body.get("distances").get("medianMetres").isNull(), "one distance is one person's");
            assertEquals("10", body.get("weekly").get(0).get("participants").asText());
        }
    }

    @Test
    void exportsAreAlwaysThePublicForm() {
        var csv = planner.get("/api/projects/" + projectId + "/participation.csv").expect(200);
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        assertTrue(csv.header("Content-Disposition").contains("attachment"));
        var lines = csv.body().split("\r\n");
        assertEquals("area_id,code,name,population,participants,rate_per_1000,ratio,representation,proposals,"
                + "variants,comments,supports", lines[0]);
        assertEquals(4, lines.length, "a header and three areas");
        assertTrue(lines[1].contains(",Noord,1000,x,"), lines[1]);
        assertTrue(lines[3].contains(",Zuid,2000,<5,"), lines[3]);

        var weekly = planner.get("/api/projects/" + projectId + "/participation.csv?table=weekly").expect(200).body();
        assertTrue(weekly.split("\r\n")[1].contains(",10,10,<5,0,<5,5"), weekly);

        JsonNode geojson = planner.get("/api/projects/" + projectId + "/participation.geojson").expect(200).json();
        assertEquals("FeatureCollection", geojson.get("type").asText());
        assertEquals(3, geojson.get("features").size());
        var feature = geojson.get("features").get(0);
        assertTrue(feature.get("geometry").get("type").asText().endsWith("Polygon"));
        assertEquals("x", feature.get("properties").get("participants").asText());
        assertTrue(geojson.get("method").asText().contains("Public counts"));
        assertFalse(geojson.toString().contains("ratioLower"));
    }

    @Test
    void csvCellsAreQuotedAndNeverFormulas() {
        assertEquals("Noord", ParticipationRoutes.cell("Noord"));
        assertEquals("\"Oost, west\"", ParticipationRoutes.cell("Oost, west"));
        assertEquals("\"De \"\"Hoek\"\"\"", ParticipationRoutes.cell("De \"Hoek\""));
        assertEquals("'=SUM(A1)", ParticipationRoutes.cell("=SUM(A1)"));
        assertEquals("'@home", ParticipationRoutes.cell("@home"));
        assertEquals("-1.5", ParticipationRoutes.cell("-1.5"));
    }

    @Test
    void anUnknownProjectIsNotFound() {
        server.anonymous().get("/api/projects/999999/participation").expect(404);
    }
}
