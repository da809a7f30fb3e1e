package nl.plein.proposals;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The list filters refuse what cannot match, as every other bad filter is refused: a 400 naming it. */
class ProposalFilterTest {
    private static final String BBOX = "&bbox=5.50,52.50,5.51,52.51&zoom=15";

    static TestServer server;
    static Client admin;
    static long projectId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.signedIn("filter-admin@example.org", Role.ADMIN);
        projectId = admin.post("/api/projects", project("Filters", List.of("point"), false)).expect(201).json()
                .get("id").asLong();
        admin.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, "Green idea")).expect(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertRefusesCategory(Client.Response response) {
        assertEquals(400, response.status(), response.body());
        assertEquals("category", response.json().get("errors").get(0).get("field").asText());
    }

    @Test
    void anUnknownCategoryIsA400NamingTheCategoryInTheListAndTheClusters() {
        var anyone = server.anonymous();
        assertRefusesCategory(anyone.get("/api/proposals?project=" + projectId + "&category=nonsense"));
        assertRefusesCategory(anyone.get("/api/proposals/clusters?project=" + projectId + "&category=nonsense" + BBOX));
        assertRefusesCategory(anyone.get("/api/proposals?category=nonsense"));
        // Categories match exactly, as the project lists them.
        assertRefusesCategory(anyone.get("/api/proposals?project=" + projectId + "&category=Green"));
    }

    @Test
    void aKnownCategoryFilters() {
        var anyone = server.anonymous();
        assertEquals(1, anyone.get("/api/proposals?project=" + projectId + "&category=green").expect(200).json()
                .get("features").size());
        assertEquals(0, anyone.get("/api/proposals?project=" + projectId + "&category=traffic").expect(200).json()
                .get("features").size());
        assertEquals(1, anyone.get("/api/proposals?category=green").expect(200).json().get("features").size());
        anyone.get("/api/proposals/clusters?project=" + projectId + "&category=play" + BBOX).expect(200);
    }

    @Test
    void theSearchTextMatchesWildcardAndEscapeCharactersLiterally() {
        long searched = admin.post("/api/projects", project("Search", List.of("point"), false)).expect(201).json()
                .get("id").asLong();
        // In its own project and category, so that the other tests' counts stay as they are.
        admin.post("/api/projects/" + searched + "/proposals", feature(INSIDE_POINT, Map.of("title",
                "50% green_roof! \\ 'ok'", "description", "Found by its title", "category", "play"))).expect(201);
        var anyone = server.anonymous();
        var found = new LinkedHashMap<String, Integer>();
        for (String q : List.of("0%25%20g", "n_r", "f!", "%5C%20'ok", "50_", "5%25g", "green%25roof", "f!!")) {
            String filter = "project=" + searched + "&q=" + q;
            int listed = anyone.get("/api/proposals?" + filter).expect(200).json().get("features").size();
            int clustered = anyone.get("/api/proposals/clusters?" + filter + BBOX).expect(200).json()
                    .get("features").size();
            assertEquals(listed, clustered, q + ": the list and the clusters filter alike");
            found.put(q, listed);
        }
        assertEquals(Map.of("0%25%20g", 1, "n_r", 1, "f!", 1, "%5C%20'ok", 1,
                "50_", 0, "5%25g", 0, "green%25roof", 0, "f!!", 0), found);
    }
}
