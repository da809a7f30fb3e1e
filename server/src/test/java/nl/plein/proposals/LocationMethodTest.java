package nl.plein.proposals;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How a resident gave a location travels with the proposal; a project says which language it opens in. */
class LocationMethodTest {
    static TestServer server;
    static Client admin;
    static Client anna;
    static long projectId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.signedIn("admin@test.example", Role.ADMIN);
        anna = server.signedIn("anna@test.example", Role.RESIDENT);
        projectId = admin.post("/api/projects", project("Marktplein", List.of("point", "line", "polygon"), false))
                .expect(201).json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Client.Response propose(Map<String, Object> properties) {
        return anna.post("/api/projects/" + projectId + "/proposals", feature(INSIDE_POINT, properties));
    }

    @Test
    void theLocationMethodIsStoredAndReadBack() {
        long id = propose(Map.of("title", "Bankje bij de fontein", "locationMethod", "place"))
                .expect(201).json().get("id").asLong();
        assertEquals("place", anna.get("/api/proposals/" + id).expect(200).json()
                .get("properties").get("locationMethod").asText());
        for (var listed : anna.get("/api/proposals?project=" + projectId).expect(200).json().get("features")) {
            if (listed.get("id").asLong() == id) {
                assertEquals("place", listed.get("properties").get("locationMethod").asText());
            }
        }
    }

    @Test
    void withoutALocationMethodTheProposalWasDrawnOnTheMap() {
        var created = propose(Map.of("title", "Boom")).expect(201).json();
        assertEquals("map", created.get("properties").get("locationMethod").asText());
    }

    @Test
    void anUnknownLocationMethodIsRefusedByName() {
        var problem = propose(Map.of("title", "Boom", "locationMethod", "telepathy")).expect(400).json();
        assertEquals("properties.locationMethod", problem.get("errors").get(0).get("field").asText());
    }

    @Test
    void aProjectOpensInDutchUnlessTheAdminChoosesEnglish() {
        var project = admin.get("/api/projects/" + projectId).expect(200).json();
        assertEquals("nl", project.get("properties").get("language").asText());
        var changed = admin.patch("/api/projects/" + projectId,
                Map.of("type", "Feature", "properties", Map.of("language", "en"))).expect(200).json();
        assertEquals("en", changed.get("properties").get("language").asText());
        var problem = admin.patch("/api/projects/" + projectId,
                Map.of("type", "Feature", "properties", Map.of("language", "fr"))).expect(400).json();
        assertEquals("properties.language", problem.get("errors").get(0).get("field").asText());
        admin.patch("/api/projects/" + projectId, Map.of("type", "Feature", "properties", Map.of("language", "nl")))
                .expect(200);
    }
}
