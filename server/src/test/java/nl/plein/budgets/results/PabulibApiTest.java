package nl.plein.budgets.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.Fixtures;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pabulib in and out over real HTTP: a hand-made instance whose recorded selection is worked out
 * here, a counted vote exported and imported again (the round trip keeps the winners of both
 * rules), voters without identity in the file, and malformed files refused naming the line.
 */
class PabulibApiTest {
    /**
     * Budget 100; projects 1 (60), 2 (50), 3 (40) with 4, 3 and 2 approvals from five voters. Greedy
     * takes 1, cannot take 2 (40 left), takes 3: the recorded selection {1, 3}. Equal Shares: each
     * voter holds 20; 1 is paid 15 each by its four supporters; then 2's supporters hold
     * 5 + 5 + 20 = 30 < 50 and 3's 5 + 20 = 25 < 40. With add1, 2 becomes affordable after 1 only
     * at 7 more each (12 + 12 + 27 = 51), when {1, 2} costs 110 > 100; so {1} at 6 more, then greedy
     * completion adds 3 (40 left): also {1, 3}.
     */
    static final String HANDMADE = """
            META
            key;value
            description;Handmade
            country;Nowhere
            unit;Testtown
            instance;2026
            num_projects;3
            num_votes;5
            budget;100
            vote_type;approval
            rule;greedy
            PROJECTS
            project_id;cost;votes;name;selected
            1;60;4;Park;1
            2;50;3;"Plein; met bankjes";0
            3;40;2;Pad;1
            VOTES
            voter_id;vote
            v1;1,2
            v2;1,3
            v3;1,2
            v4;2,3
            v5;1
            """;

    static TestServer server;
    static Client admin;
    static Client planner;
    static long projectId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.signedIn("admin@pabulib.test", Role.ADMIN);
        planner = server.signedIn("planner@pabulib.test", Role.PLANNER);
        projectId = admin.post("/api/projects", Fixtures.project("Replay", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Client.Response importText(Client client, String text) {
        return client.raw("POST", "/api/projects/" + projectId + "/votes/pabulib", "text/plain; charset=utf-8",
                text.getBytes(StandardCharsets.UTF_8));
    }

    private static Set<String> fundedExternal(JsonNode results) {
        var ids = new TreeSet<String>();
        for (JsonNode pot : results.get("pots")) {
            for (JsonNode item : pot.get("items")) {
                if (item.get("funded").asBoolean()) {
                    ids.add(item.get("title").asText());
                }
            }
        }
        return ids;
    }

    @Test
    void aHandMadeInstanceIsImportedCountedAndReproducesItsRecordedSelection() {
        var vote = importText(planner, HANDMADE).expect(201).json();
        assertEquals("pabulib", vote.get("source").asText());
        assertEquals("greedy", vote.get("rule").asText());
        assertEquals(5, vote.get("ballotCount").asInt());
        String base = "/api/votes/" + vote.get("id").asLong();
        var greedy = server.anonymous().get(base + "/results").expect(200).json();
        assertEquals(Set.of("Park", "Pad"), fundedExternal(greedy));
        assertTrue(greedy.get("recorded").get("reproduced").asBoolean());
        assertEquals("greedy", greedy.get("recorded").get("recordedRule").asText());
        var shares = server.anonymous().get(base + "/results?rule=equal_shares").expect(200).json();
        assertEquals(Set.of("Park", "Pad"), fundedExternal(shares));
        assertEquals(Set.of("Park", "Plein; met bankjes", "Pad"), titles(greedy));
    }

    private static Set<String> titles(JsonNode results) {
        var titles = new HashSet<String>();
        results.get("pots").forEach(p -> p.get("items").forEach(i -> titles.add(i.get("title").asText())));
        return titles;
    }

    @Test
    void aCountedVoteGoesOutAndComesBackWithTheSameWinnersAndNoIdentity() {
        var f = new ResultsFixtures(ResultsFixtures.jdbi(server.dataSource), projectId).areaSet("Ronde")
                .vote("equal_shares", true).ballots();
        String file = planner.get("/api/votes/" + f.voteId + "/pabulib?potId=" + f.cityPot).expect(200).body();
        assertTrue(file.contains("vote_type;approval"));
        assertTrue(file.contains("rule;equalshares/add1"));
        assertTrue(file.contains("currency;EUR"));
        assertTrue(file.contains("num_votes;11"));
        assertFalse(file.contains("R-" + f.voteId), "no receipt leaves the server");
        assertTrue(file.contains(";BU-Far"), "voters carry their home area's code");
        planner.get("/api/votes/" + f.voteId + "/pabulib").expect(400);
        server.anonymous().get("/api/votes/" + f.voteId + "/pabulib?potId=" + f.cityPot).expect(401);

        var vote = importText(planner, file).expect(201).json();
        assertEquals("equal_shares", vote.get("rule").asText());
        String base = "/api/votes/" + vote.get("id").asLong();
        var back = server.anonymous().get(base + "/results").expect(200).json();
        assertEquals(Set.of("A", "M"), fundedExternal(back));
        assertTrue(back.get("recorded").get("reproduced").asBoolean());
        var greedy = server.anonymous().get(base + "/results?rule=greedy").expect(200).json();
        assertEquals(Set.of("A", "A2"), fundedExternal(greedy));
        assertFalse(greedy.get("recorded").get("reproduced").asBoolean(), "greedy does not select what MES did");
    }

    @Test
    void aMalformedFileIsRefusedNamingTheLineAndNothingIsWritten() {
        long before = votes();
        var bad = HANDMADE.replace("3;40;2;Pad;1", "3;forty;2;Pad;1");
        var problem = importText(planner, bad).expect(400).json();
        assertEquals("body", problem.get("errors").get(0).get("field").asText());
        assertTrue(problem.get("detail").asText().contains("line 16"), problem.toString());
        importText(planner, "").expect(400);
        planner.raw("POST", "/api/projects/" + projectId + "/votes/pabulib", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8)).expect(400);
        importText(server.signedIn("resident@pabulib.test", Role.RESIDENT), HANDMADE).expect(403);
        assertEquals(before, votes());
    }

    private static long votes() {
        return ResultsFixtures.jdbi(server.dataSource).withHandle(h -> h.createQuery("SELECT count(*) FROM votes")
                .mapTo(Long.class).one());
    }
}
