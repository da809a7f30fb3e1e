package nl.plein.analysis;

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

    @Test
    void aPlannerSeesRawCountsWithRatesAndIntervals() {
        JsonNode body = server.signedIn("planner@test.example", Role.PLANNER)
                .get("/api/projects/" + projectId + "/participation").expect(200).json();

        assertEquals(8, body.get("participants").asLong());
        assertEquals(3000, body.get("population").asLong());
        var areas = body.get("areas");
        assertEquals(List.of("Noord", "Onbekend", "Zuid"),
                List.of(areas.get(0).get("name").asText(), areas.get(1).get("name").asText(),
                        areas.get(2).get("name").asText()));
        var noord = areas.get(0);
        assertEquals(6, noord.get("participants").asLong());
        assertEquals(6.0, noord.get("ratePer1000").asDouble(), 1e-12);
        assertEquals((6.0 / 8) / (1000.0 / 3000), noord.get("ratio").asDouble(), 1e-12);
        assertTrue(noord.get("ratioLower").asDouble() > 0);
        var unknown = areas.get(1);
        assertTrue(unknown.get("population").isNull());
        assertTrue(unknown.get("ratePer1000").isNull());
        assertEquals("UNKNOWN", unknown.get("representation").asText());
        assertEquals(2, areas.get(2).get("participants").asLong());
        assertEquals(3, body.get("lorenz").size(), "(0,0) and the two areas of known population");
    }

    @Test
    void everyoneElseSeesThePublicFormWithoutRawSmallCounts() {
        for (var client : List.of(server.anonymous(), server.signedIn("bewoner@test.example", Role.RESIDENT))) {
            var response = client.get("/api/projects/" + projectId + "/participation").expect(200);
            JsonNode body = response.json();

            assertEquals("10", body.get("participants").asText());
            var areas = body.get("areas");
            assertEquals("x", areas.get(0).get("participants").asText(), "Noord hidden: Zuid = total - Noord");
            assertEquals("SECONDARY", areas.get(0).get("hidden").asText());
            assertEquals("0", areas.get(1).get("participants").asText());
            assertEquals("<5", areas.get(2).get("participants").asText());
            assertTrue(areas.get(2).get("ratePer1000").isNull());
            assertFalse(body.has("lorenz"));
            assertFalse(response.body().contains("ratioLower"));
        }
    }

    @Test
    void anUnknownProjectIsNotFound() {
        server.anonymous().get("/api/projects/999999/participation").expect(404);
    }
}
