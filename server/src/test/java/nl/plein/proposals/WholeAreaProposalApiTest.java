package nl.plein.proposals;

import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
 * A proposal about the whole area has no geometry, and everything that reads proposals copes:
 * the database ties a missing geometry to the location method, OGC API – Features serves it with
 * a null geometry, and drawing a place for it later makes it a proposal drawn on the map.
 */
class WholeAreaProposalApiTest {
    static TestServer server;
    static long projectId;
    static Client author;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        var admin = server.signedIn("admin@test.example", Role.ADMIN);
        projectId = admin.post("/api/projects", project("Dorp", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        author = server.signedIn("author@test.example", Role.RESIDENT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long wholeArea(String title) {
        return author.post("/api/projects/" + projectId + "/proposals", feature(null,
                Map.of("title", title, "locationMethod", "whole_area"))).expect(201).json().get("id").asLong();
    }

    @Test
    void drawingAPlaceLaterMakesItAProposalOnTheMapAndEditingTheTextKeepsItAboutTheWholeArea() {
        long id = wholeArea("Overal bankjes");
        JsonNode renamed = author.patch("/api/proposals/" + id, feature(null, Map.of("title", "Overal meer bankjes")))
                .expect(200).json();
        assertTrue(renamed.get("geometry").isNull(), renamed.toString());
        assertEquals("whole_area", renamed.get("properties").get("locationMethod").asText());

        JsonNode placed = author.patch("/api/proposals/" + id, feature(point(5.505, 52.505), Map.of())).expect(200).json();
        assertEquals("Point", placed.get("geometry").get("type").asText());
        assertEquals("map", placed.get("properties").get("locationMethod").asText());
        assertEquals("point", placed.get("properties").get("kind").asText());
    }

    @Test
    void theOgcCollectionServesItWithANullGeometryAndABoundingBoxLeavesItOut() {
        long id = wholeArea("Schonere straten");
        var anyone = server.anonymous();
        JsonNode item = anyone.get("/ogc/collections/proposals-" + projectId + "/items/" + id).expect(200).json();
        assertTrue(item.get("geometry").isNull(), item.toString());
        assertEquals("Schonere straten", item.get("properties").get("title").asText());
        JsonNode boxed = anyone.get("/ogc/collections/proposals-" + projectId + "/items?bbox=5.49,52.49,5.52,52.52")
                .expect(200).json();
        for (JsonNode f : boxed.get("features")) {
            assertTrue(f.get("id").asLong() != id, "a proposal without a place lies in no box");
        }
    }

    @Test
    void theDatabaseRefusesAGeometryMissingWithoutSayingSo() throws SQLException {
        try (var c = server.dataSource.getConnection(); var st = c.prepareStatement("""
                INSERT INTO proposals (project_id, author_id, title, geom, location_method)
                VALUES (?, (SELECT id FROM accounts WHERE email = 'author@test.example'), 'Nergens', NULL, ?)""")) {
            st.setLong(1, projectId);
            st.setString(2, "map");
            var refused = assertThrows(SQLException.class, st::executeUpdate);
            assertEquals("23514", refused.getSQLState(), "a check violation: " + refused.getMessage());
        }
    }
}
