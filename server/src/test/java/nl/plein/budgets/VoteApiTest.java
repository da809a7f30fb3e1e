package nl.plein.budgets;

import static nl.plein.budgets.SetupFixtures.area;
import static nl.plein.budgets.SetupFixtures.fields;
import static nl.plein.budgets.SetupFixtures.inDays;
import static nl.plein.budgets.SetupFixtures.upload;
import static nl.plein.budgets.SetupFixtures.vote;
import static nl.plein.budgets.SetupFixtures.with;
import static nl.plein.budgets.SetupFixtures.without;
import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Setting up budget votes over real HTTP on a real PostGIS: planners create and change them,
 * everyone reads them; every refusal names its field and writes nothing; pots per area come from
 * a real boundary set; the status follows the clock; settings and pots are fixed once it opens.
 */
class VoteApiTest {
    static TestServer server;
    static Jdbi jdbi;
    static Client admin;
    static Client planner;
    static Client resident;
    static long projectId;
    static long setId;
    static long westId;
    static long eastId;
    static long elsewhereId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        jdbi = Jdbis.create(server.dataSource);
        admin = server.signedIn("admin@votes.test", Role.ADMIN);
        planner = server.signedIn("planner@votes.test", Role.PLANNER);
        resident = server.signedIn("resident@votes.test", Role.RESIDENT);
        projectId = admin.post("/api/projects", project("Stadsbudget", List.of("point"), false)).expect(201).json()
                .get("id").asLong();
        setId = upload(admin, "Wijken", SetupFixtures.westAndEast());
        westId = area(admin, setId, "West");
        eastId = area(admin, setId, "Oost");
        long otherSet = upload(admin, "Elders", SetupFixtures.elsewhere());
        elsewhereId = area(admin, otherSet, "Elders");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static long count(String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    static JsonNode create(Map<String, Object> body) {
        return planner.post("/api/projects/" + projectId + "/votes", body).expect(201).json();
    }

    static void sql(String statement, long voteId) {
        jdbi.useHandle(h -> h.createUpdate(statement).bind("id", voteId).execute());
    }

    static String status(long voteId) {
        return server.anonymous().get("/api/votes/" + voteId).expect(200).json().get("status").asText();
    }

    static Map<String, Object> areaPots(Map<String, Object> body) {
        return with(with(body, "areaSetId", setId), "areaBudgets",
                List.of(Map.of("areaId", westId, "budget", 30000), Map.of("areaId", eastId, "budget", 20000)));
    }

    @Test
    void aPlannerSetsUpAVoteWithACityWidePotAndAPotPerAreaAndAnyoneReadsIt() {
        var body = with(with(areaPots(vote("Buurtbudget")), "rule", "equal_shares"), "minItems", 1);
        JsonNode created = create(body);
        long id = created.get("id").asLong();
        assertEquals("upcoming", created.get("status").asText());
        assertEquals("think", created.get("projectStage").asText(), "the project's stage, for the project page");
        assertEquals("approval", created.get("ballotType").asText());
        assertEquals("equal_shares", created.get("rule").asText());
        assertEquals(1, created.get("minItems").asInt());
        assertEquals(3, created.get("maxItems").asInt());
        assertTrue(created.get("points").isNull());
        assertEquals(body.get("opensAt"), created.get("opensAt").asText());
        assertEquals(body.get("closesAt"), created.get("closesAt").asText());
        assertEquals(setId, created.get("areaSetId").asLong());
        assertEquals(150000, created.get("budget").asLong());
        JsonNode pots = created.get("pots");
        assertEquals(3, pots.size());
        assertTrue(pots.get(0).get("areaId").isNull(), "the city-wide pot first: " + pots);
        assertEquals("Hele stad", pots.get(0).get("name").asText(), "named in the project's language (nl)");
        assertEquals(100000, pots.get(0).get("budget").asLong());
        assertEquals(List.of("Oost", "West"), List.of(pots.get(1).get("name").asText(), pots.get(2).get("name").asText()));
        assertEquals(eastId, pots.get(1).get("areaId").asLong());
        assertEquals(20000, pots.get(1).get("budget").asLong());
        assertEquals(30000, pots.get(2).get("budget").asLong());
        assertEquals(0, pots.get(2).get("itemCount").asInt());
        assertEquals(0, created.get("itemCount").asInt());
        assertEquals(0, created.get("ballotCount").asInt());
        assertTrue(created.get("ballotCount").isNumber(), "planners see raw counts");

        long stored = jdbi.withHandle(h -> h.createQuery("SELECT sum(budget) FROM vote_pots WHERE vote_id = :id")
                .bind("id", id).mapTo(Long.class).one());
        assertEquals(150000, stored);
        JsonNode seen = server.anonymous().get("/api/votes/" + id).expect(200).json();
        assertEquals("Buurtbudget", seen.get("title").asText());
        assertEquals("0", seen.get("ballotCount").asText());
        assertTrue(seen.get("ballotCount").isTextual(), "the public sees counts under the small-count rule");
        boolean listed = false;
        for (JsonNode v : server.anonymous().get("/api/projects/" + projectId + "/votes").expect(200).json().get("votes")) {
            listed |= v.get("id").asLong() == id && v.get("pots").size() == 3;
        }
        assertTrue(listed, "listed with the project");
        server.anonymous().get("/api/votes/999999").expect(404);
        server.anonymous().get("/api/projects/999999/votes").expect(404);
        planner.post("/api/projects/999999/votes", vote("Nergens")).expect(404);
    }

    @Test
    void oneBudgetPerAreaGivesEveryAreaOfTheSetAPotAndACityWidePotIsOptional() {
        var body = with(with(without(vote("Per buurt"), "cityBudget"), "areaSetId", setId), "budgetPerArea", 5000);
        JsonNode pots = create(body).get("pots");
        assertEquals(2, pots.size());
        var areas = new ArrayList<Long>();
        pots.forEach(p -> {
            assertEquals(5000, p.get("budget").asLong());
            areas.add(p.get("areaId").asLong());
        });
        assertEquals(List.of(eastId, westId), areas);
    }

    @Test
    void residentsAndVisitorsCannotSetUpOrChangeAVote() {
        long votes = count("votes");
        resident.post("/api/projects/" + projectId + "/votes", vote("Van mij")).expect(403);
        server.anonymous().post("/api/projects/" + projectId + "/votes", vote("Anoniem")).expect(401);
        long id = create(vote("Alleen planners")).get("id").asLong();
        resident.patch("/api/votes/" + id, Map.of("title", "Gekaapt")).expect(403);
        assertEquals(votes + 1, count("votes"));
        assertEquals("Alleen planners", server.anonymous().get("/api/votes/" + id).expect(200).json().get("title").asText());
        // Admins plan too.
        admin.post("/api/projects/" + projectId + "/votes", vote("Van de admin")).expect(201);
    }

    @Test
    void everyRefusalNamesItsFieldAndWritesNothing() {
        var valid = areaPots(vote("Geweigerd"));
        var cumulative = with(valid, "ballotType", "cumulative");
        var cases = new java.util.LinkedHashMap<String, Map<String, Object>>();
        cases.put("title", without(valid, "title"));
        cases.put("title ", with(valid, "title", "   "));
        cases.put("description", with(valid, "description", null));
        cases.put("ballotType", with(valid, "ballotType", "ranked"));
        cases.put("rule", with(valid, "rule", "borda"));
        cases.put("points", cumulative);
        cases.put("points ", with(valid, "points", 10));
        cases.put("maxPointsPerItem", with(with(cumulative, "points", 10), "maxPointsPerItem", 11));
        cases.put("maxItems", with(valid, "minItems", 4));
        cases.put("opensAt", with(valid, "opensAt", "morgen"));
        cases.put("opensAt ", with(valid, "opensAt", inDays(-2)));
        cases.put("opensAt  ", with(valid, "opensAt", "2026-05-01T09:00:00"));
        cases.put("closesAt", with(valid, "closesAt", inDays(0.5)));
        cases.put("cityBudget", without(valid, "cityBudget", "areaSetId", "areaBudgets"));
        cases.put("cityBudget ", with(valid, "cityBudget", -5));
        cases.put("cityBudget  ", with(valid, "cityBudget", 1_000_000_000_001L));
        cases.put("cityBudget   ", with(valid, "cityBudget", 1.5));
        cases.put("areaSetId", with(valid, "areaSetId", 999999));
        cases.put("areaSetId ", without(valid, "areaSetId"));
        cases.put("areaBudgets", without(valid, "areaBudgets"));
        cases.put("areaBudgets ", with(valid, "areaBudgets", List.of()));
        cases.put("areaBudgets[1].areaId", with(valid, "areaBudgets",
                List.of(Map.of("areaId", westId, "budget", 1), Map.of("areaId", elsewhereId, "budget", 1))));
        cases.put("areaBudgets[1].areaId ", with(valid, "areaBudgets",
                List.of(Map.of("areaId", westId, "budget", 1), Map.of("areaId", westId, "budget", 2))));
        cases.put("areaBudgets[1].budget", with(valid, "areaBudgets",
                List.of(Map.of("areaId", westId, "budget", 1), Map.of("areaId", eastId, "budget", 0))));
        cases.put("areaBudgets[0].naam", with(valid, "areaBudgets",
                List.of(Map.of("areaId", westId, "budget", 1, "naam", "West"))));
        cases.put("budgetPerArea", with(valid, "budgetPerArea", 100));
        cases.put("budgetTotal", with(valid, "budgetTotal", 100));
        long votes = count("votes");
        long pots = count("vote_pots");
        var wrong = new ArrayList<String>();
        cases.forEach((field, body) -> {
            var response = planner.post("/api/projects/" + projectId + "/votes", body);
            if (response.status() != 400 || !fields(response, 400).contains(field.strip())) {
                wrong.add(field.strip() + ": " + response.status() + " " + response.body());
            }
        });
        assertEquals(List.of(), wrong);
        assertEquals(votes, count("votes"), "nothing written");
        assertEquals(pots, count("vote_pots"), "nothing written");
        var malformed = planner.raw("POST", "/api/projects/" + projectId + "/votes", "application/json",
                "{\"title\": ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of("body"), fields(malformed, 400));
    }

    @Test
    void theStatusFollowsTheClockAndTheCount() {
        long id = create(vote("Klok")).get("id").asLong();
        assertEquals("upcoming", status(id));
        sql("UPDATE votes SET opens_at = now() - interval '1 hour' WHERE id = :id", id);
        assertEquals("open", status(id));
        sql("UPDATE votes SET closes_at = now() - interval '1 minute' WHERE id = :id", id);
        assertEquals("closed", status(id));
        sql("UPDATE votes SET counted_at = now() WHERE id = :id", id);
        JsonNode counted = server.anonymous().get("/api/votes/" + id).expect(200).json();
        assertEquals("counted", counted.get("status").asText());
        assertTrue(counted.get("countedAt").asText().endsWith("Z"));
    }

    @Test
    void theBallotTheRuleAndThePotsChangeOnlyBeforeTheVoteOpens() {
        JsonNode created = create(areaPots(vote("Wijzigen")));
        long id = created.get("id").asLong();
        long cityPot = created.get("pots").get(0).get("id").asLong();
        String path = "/api/votes/" + id;

        JsonNode cumulative = planner.patch(path, Map.of("ballotType", "cumulative", "points", 10, "maxPointsPerItem", 4))
                .expect(200).json();
        assertEquals(10, cumulative.get("points").asInt());
        assertEquals(4, cumulative.get("maxPointsPerItem").asInt());
        JsonNode approval = planner.patch(path, Map.of("ballotType", "approval")).expect(200).json();
        assertTrue(approval.get("points").isNull(), "leaving cumulative ballots drops their points");
        assertTrue(approval.get("maxPointsPerItem").isNull());
        assertEquals(List.of("maxItems"), fields(planner.patch(path, Map.of("minItems", 5)), 400),
                "checked against the maximum already set");
        assertEquals(0, server.anonymous().get(path).expect(200).json().get("minItems").asInt());

        JsonNode cityOnly = planner.patch(path, Map.of("cityBudget", 70000)).expect(200).json();
        assertEquals(1, cityOnly.get("pots").size(), "pots are given as a whole: no area pots now");
        assertEquals(cityPot, cityOnly.get("pots").get(0).get("id").asLong(), "a pot kept keeps its id");
        assertEquals(70000, cityOnly.get("budget").asLong());
        assertTrue(cityOnly.get("areaSetId").isNull());

        sql("UPDATE votes SET opens_at = now() - interval '1 hour' WHERE id = :id", id);
        assertEquals(List.of("rule"), fields(planner.patch(path, Map.of("rule", "equal_shares")), 409));
        assertEquals(List.of("cityBudget"), fields(planner.patch(path, Map.of("cityBudget", 1)), 409));
        assertEquals(List.of("opensAt"), fields(planner.patch(path, Map.of("opensAt", inDays(1))), 409));
        assertEquals(List.of("closesAt"), fields(planner.patch(path, Map.of("closesAt", inDays(-0.01))), 400));
        String later = inDays(20);
        JsonNode open = planner.patch(path, Map.of("title", "Wijzigen (open)", "closesAt", later)).expect(200).json();
        assertEquals(later, open.get("closesAt").asText());
        assertEquals("greedy", open.get("rule").asText());
        assertEquals("open", open.get("status").asText());

        sql("UPDATE votes SET closes_at = now() - interval '1 minute' WHERE id = :id", id);
        assertEquals(List.of("closesAt"), fields(planner.patch(path, Map.of("closesAt", inDays(3))), 409));
        assertEquals("Na afloop", planner.patch(path, Map.of("description", "Na afloop")).expect(200).json()
                .get("description").asText());
        planner.patch("/api/votes/999999", Map.of("title", "Nergens")).expect(404);
    }

    @Test
    void aPotThatHoldsItemsCannotBeDropped() {
        JsonNode created = create(areaPots(vote("Volle pot")));
        long id = created.get("id").asLong();
        long westPot = created.get("pots").get(2).get("id").asLong();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO ballot_items (vote_id, pot_id, title, cost, reason)"
                + " VALUES (:vote, :pot, 'Bankjes', 1000, 'Haalbaar')").bind("vote", id).bind("pot", westPot).execute());
        assertEquals(List.of("areaBudgets"), fields(planner.patch("/api/votes/" + id, Map.of("cityBudget", 5)), 409));
        JsonNode after = server.anonymous().get("/api/votes/" + id).expect(200).json();
        assertEquals(3, after.get("pots").size(), "nothing changed");
        assertEquals(150000, after.get("budget").asLong());
        assertEquals(1, after.get("pots").get(2).get("itemCount").asInt());
        assertEquals(1, after.get("itemCount").asInt());
        var tooLittle = with(with(vote("Volle pot"), "areaSetId", setId), "areaBudgets",
                List.of(Map.of("areaId", westId, "budget", 999), Map.of("areaId", eastId, "budget", 20000)));
        assertEquals(List.of("areaBudgets"), fields(planner.patch("/api/votes/" + id,
                without(tooLittle, "title", "description", "ballotType", "minItems", "maxItems", "rule", "opensAt",
                        "closesAt")), 409), "West's item costs 1,000");
        assertEquals(30000, server.anonymous().get("/api/votes/" + id).expect(200).json().get("pots").get(2)
                .get("budget").asLong(), "nothing changed");
    }

    @Test
    void theNumberOfBallotsIsACountOfPeopleUnderTheSmallCountRule() {
        long id = create(vote("Telling")).get("id").asLong();
        ballots(id, 3);
        assertEquals("<5", server.anonymous().get("/api/votes/" + id).expect(200).json().get("ballotCount").asText());
        assertEquals("<5", resident.get("/api/votes/" + id).expect(200).json().get("ballotCount").asText());
        assertEquals(3, planner.get("/api/votes/" + id).expect(200).json().get("ballotCount").asLong());
        ballots(id, 4);
        assertEquals("5", server.anonymous().get("/api/votes/" + id).expect(200).json().get("ballotCount").asText(),
                "7 rounds to the nearest 5");
        assertEquals(7, planner.get("/api/votes/" + id).expect(200).json().get("ballotCount").asLong());
    }

    /** Paper ballots written straight into the table (the ballots part casts them for real). */
    static void ballots(long voteId, int n) {
        jdbi.useHandle(h -> {
            for (int i = 0; i < n; i++) {
                h.createUpdate("INSERT INTO ballots (vote_id, channel, receipt) VALUES (:vote, 'paper', :receipt)")
                        .bind("vote", voteId).bind("receipt", "r-" + voteId + "-" + java.util.UUID.randomUUID()).execute();
            }
        });
    }
}
