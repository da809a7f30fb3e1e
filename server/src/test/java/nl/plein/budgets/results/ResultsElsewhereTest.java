package nl.plein.budgets.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.Fixtures;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A vote's results where the rest of Plein shows them: the "Budget vote" section of the printable
 * report, a slide's vote layer, and voters counted as participants (V15). The vote is the fixture of
 * {@link ResultsFixtures}, counted by greedy (A and A2 in the city-wide pot, D in West).
 */
class ResultsElsewhereTest {
    static TestServer server;
    static Client admin;
    static Client planner;
    static long projectId;
    static ResultsFixtures vote;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.signedIn("admin@elsewhere.test", Role.ADMIN);
        planner = server.signedIn("planner@elsewhere.test", Role.PLANNER);
        projectId = admin.post("/api/projects", Fixtures.project("Buurtbudget", List.of("point", "line", "polygon"),
                false)).expect(201).json().get("id").asLong();
        vote = new ResultsFixtures(ResultsFixtures.jdbi(server.dataSource), projectId).areaSet("Wijken")
                .vote("greedy", true).ballots();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theReportHasABudgetVoteSectionInBothLanguagesWithPublicCountsOnly() {
        var en = server.anonymous().get("/reports/projects/" + projectId + "?lang=en").expect(200).body();
        assertTrue(en.contains("Budget vote: Buurtbudget"), en);
        assertTrue(en.contains("Funded items per pot"));
        assertTrue(en.contains("A; A2"), "greedy's winners in the city-wide pot, in order");
        assertTrue(en.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Funded items"));
        assertTrue(en.contains("Gini of funding per resident"));
        assertTrue(en.contains("&lt;5"), "East's one voter and Far's four show as <5");
        assertFalse(en.contains("<td class=\"number\">1</td>"), "no raw count under the threshold");
        var nl = server.anonymous().get("/reports/projects/" + projectId + "?lang=nl").expect(200).body();
        assertTrue(nl.contains("Stemming over het budget: Buurtbudget"));
        assertTrue(nl.contains("Waar het geld heen gaat, per buurt"));
    }

    @Test
    void aSlideMayShowTheItemsAVoteOfItsProjectFunds() {
        long presentation = planner.post("/api/projects/" + projectId + "/presentations", Map.of("title", "Raad"))
                .expect(201).json().get("id").asLong();
        var view = new LinkedHashMap<String, Object>();
        view.put("bbox", List.of(5.50, 52.50, 5.53, 52.51));
        view.put("layers", Map.of("vote", Map.of("voteId", vote.voteId)));
        var slide = planner.post("/api/presentations/" + presentation + "/slides",
                Map.of("title", "Uitslag", "view", view)).expect(201).json();
        assertEquals(vote.voteId, slide.get("view").get("layers").get("vote").get("voteId").asLong());

        long other = admin.post("/api/projects", Fixtures.project("Elders", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        long otherPresentation = planner.post("/api/projects/" + other + "/presentations", Map.of("title", "Elders"))
                .expect(201).json().get("id").asLong();
        var refused = planner.post("/api/presentations/" + otherPresentation + "/slides",
                Map.of("title", "Uitslag", "view", view)).expect(400).json();
        assertEquals("view.layers.vote.voteId", refused.get("errors").get(0).get("field").asText());
    }

    @Test
    void votersWithAnAccountTakePartOnceAndPaperBallotsCountNoParticipant() {
        var project = admin.post("/api/projects", Fixtures.project("Stemmers", List.of("point"), false))
                .expect(201).json().get("id").asLong();
        var own = new ResultsFixtures(ResultsFixtures.jdbi(server.dataSource), project).areaSet("Stemwijken")
                .vote("greedy", false);
        var ids = own.jdbi.withHandle(h -> h.createQuery("INSERT INTO accounts (email, password_hash, display_name, "
                + "home_area_id) SELECT 'voter' || g || '@elsewhere.test', 'x', 'Voter ' || g, :west "
                + "FROM generate_series(1, 2) g RETURNING id").bind("west", own.areas.get("West"))
                .mapTo(Long.class).list());
        own.ballot(ids.get(0), "West", List.of("A"));
        own.ballot(ids.get(1), "West", List.of("A", "M"));
        own.ballot(null, "West", List.of("M"));
        for (String range : List.of("", "&from=2000-01-01&to=2100-01-01")) {
            var body = planner.get("/api/projects/" + project + "/participation?set=" + own.setId + range).expect(200)
                    .json();
            assertEquals(2, body.get("totals").get("participantsAllAreas").asLong(), range);
            for (var area : body.get("areas")) {
                if (area.get("name").asText().equals("West")) {
                    assertEquals(2, area.get("participants").asLong(), range);
                }
            }
            assertEquals(3, body.get("turnout").get("ballots").asLong(), "turnout counts every channel " + range);
            for (var area : body.get("turnout").get("areas")) {
                assertEquals(area.get("areaId").asLong() == own.areas.get("West") ? 3 : 0, area.get("ballots").asLong());
            }
        }
        var shown = server.anonymous().get("/api/projects/" + project + "/participation?set=" + own.setId).expect(200)
                .json();
        assertEquals("<5", shown.get("turnout").get("ballots").asText());
        for (var area : shown.get("turnout").get("areas")) {
            assertEquals(area.get("areaId").asLong() == own.areas.get("West") ? "<5" : "0", area.get("ballots").asText());
        }
    }
}
