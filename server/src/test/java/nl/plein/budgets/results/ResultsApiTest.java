package nl.plein.budgets.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.Fixtures;
import nl.plein.support.TestServer;
import nl.plein.support.Together;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Results of a vote over real HTTP and PostGIS, on the fixture of {@link ResultsFixtures}, whose
 * winners are worked out here by hand.
 *
 * <p>City-wide pot, budget 100, eleven voters: A has 7 approvals, A2 6, M 4; each costs 50. Greedy
 * takes A, then A2 (100 spent); M no longer fits. Equal Shares: each voter holds 100/11; A's seven
 * supporters can pay 50 (7 × 9.09 ≥ 50), M's four cannot (36.4 < 50), and after A the six A2
 * supporters hold 6 × (9.09 − 7.14) = 11.7 < 50. Raising each voter's money one euro at a time
 * (add1): with 4 more, M's supporters hold 4 × 13.09 = 52.4 ≥ 50, and the outcome {A, M} costs 100;
 * A2 becomes affordable only with 7 more (6 × (16.09 − 7.14) = 53.7), when {A, A2, M} costs 150 and
 * is over the budget. So Equal Shares funds A then M. West pot, budget 50, five voters: D 3
 * approvals, E 2, each 30: greedy takes D, and E no longer fits; Equal Shares funds D (3 × 10 ≥ 30),
 * E's two supporters reach 30 only when the outcome {D, E} costs 60 > 50, and greedy completion
 * cannot add E (20 left). Both rules fund D alone.
 */
class ResultsApiTest {
    static TestServer server;
    static Client planner;
    static Client anyone;
    static long projectId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        Client admin = server.signedIn("admin@results.test", Role.ADMIN);
        planner = server.signedIn("planner@results.test", Role.PLANNER);
        anyone = server.anonymous();
        projectId = admin.post("/api/projects", Fixtures.project("Begroting", List.of("point", "line", "polygon"),
                false)).expect(201).json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int sets;

    static ResultsFixtures fixture(String rule, boolean closed) {
        return new ResultsFixtures(ResultsFixtures.jdbi(server.dataSource), projectId)
                .areaSet("Wijken " + (++sets)).vote(rule, closed).ballots();
    }

    private static JsonNode pot(JsonNode results, String name) {
        for (JsonNode pot : results.get("pots")) {
            if (pot.get("name").asText().equals(name)) {
                return pot;
            }
        }
        throw new AssertionError("no pot " + name + " in " + results);
    }

    /** The titles of a pot's funded items, in the order they were funded. */
    private static List<String> funded(JsonNode pot) {
        var byOrder = new java.util.TreeMap<Integer, String>();
        for (JsonNode item : pot.get("items")) {
            if (item.get("funded").asBoolean()) {
                byOrder.put(item.get("fundedOrder").asInt(), item.get("title").asText());
            }
        }
        return List.copyOf(byOrder.values());
    }

    private static Map<String, Long> votes(JsonNode pot) {
        var votes = new HashMap<String, Long>();
        pot.get("items").forEach(i -> votes.put(i.get("title").asText(), i.get("votes").asLong()));
        return votes;
    }

    @Test
    void closingCountsBothRulesAndTheResultsNameTheWinnersWorkedOutByHand() {
        var f = fixture("greedy", false);
        String base = "/api/votes/" + f.voteId;
        var closed = planner.post(base + "/close", Map.of()).expect(200).json();
        assertEquals("greedy", closed.get("rule").asText());

        var greedy = anyone.get(base + "/results").expect(200).json();
        var raw = planner.get(base + "/results").expect(200).json();
        assertEquals(List.of("A", "A2"), funded(pot(greedy, "City-wide")));
        assertEquals(Map.of("A", 7L, "A2", 6L, "M", 4L), votes(pot(raw, "City-wide")));
        assertEquals(100, pot(greedy, "City-wide").get("spent").asLong());
        assertEquals(List.of("D"), funded(pot(greedy, "West")));
        assertEquals(Map.of("D", 3L, "E", 2L), votes(pot(raw, "West")));

        var shares = anyone.get(base + "/results?rule=equal_shares").expect(200).json();
        assertEquals("equal_shares", shares.get("rule").asText());
        assertEquals(List.of("A", "M"), funded(pot(shares, "City-wide")));
        assertEquals(List.of("D"), funded(pot(shares, "West")));
        assertTrue(shares.get("method").asText().contains("METHODS.md"));
    }

    @Test
    void theFirstReadAfterTheClosingTimeCountsAndAnOpenVoteHasNoResultsYet() {
        var open = fixture("equal_shares", false);
        var refused = anyone.get("/api/votes/" + open.voteId + "/results").expect(409).json();
        assertEquals("vote", refused.get("errors").get(0).get("field").asText());

        var f = fixture("equal_shares", true);
        var results = anyone.get("/api/votes/" + f.voteId + "/results").expect(200).json();
        assertEquals("equal_shares", results.get("rule").asText());
        assertEquals(List.of("A", "M"), funded(pot(results, "City-wide")));
        long kept = f.jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM vote_results WHERE vote_id = :v")
                .bind("v", f.voteId).mapTo(Long.class).one());
        assertEquals(2 * 5, kept, "each of the 5 items once per rule");
    }

    @Test
    void twoClosesAtOnceCountTheVoteOnce() throws Exception {
        var f = fixture("greedy", false);
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 4; i++) {
            tasks.add(() -> planner.post("/api/votes/" + f.voteId + "/close", Map.of()).status());
        }
        assertEquals(List.of(200, 200, 200, 200), Together.run(tasks));
        long kept = f.jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM vote_results WHERE vote_id = :v")
                .bind("v", f.voteId).mapTo(Long.class).one());
        assertEquals(2 * 5, kept);
    }

    @Test
    void closingIsForPlannersAndRefusesUnknownParameters() {
        var f = fixture("greedy", false);
        anyone.post("/api/votes/" + f.voteId + "/close", Map.of()).expect(401);
        server.signedIn("resident@results.test", Role.RESIDENT).post("/api/votes/" + f.voteId + "/close", Map.of())
                .expect(403);
        planner.post("/api/votes/999999/close", Map.of()).expect(404);
        planner.post("/api/votes/" + f.voteId + "/close", Map.of()).expect(200);
        var bad = anyone.get("/api/votes/" + f.voteId + "/results?rule=dictator").expect(400).json();
        assertEquals("rule", bad.get("errors").get(0).get("field").asText());
        anyone.get("/api/votes/" + f.voteId + "/results?winner=1").expect(400);
    }

    @Test
    void votersPerPotFollowTheSmallCountRuleForThePublicAndAreRawForPlanners() {
        var f = fixture("greedy", true);
        var raw = planner.get("/api/votes/" + f.voteId + "/results").expect(200).json();
        assertEquals(11, pot(raw, "City-wide").get("voters").asLong());
        assertEquals(5, pot(raw, "West").get("voters").asLong());
        var shown = anyone.get("/api/votes/" + f.voteId + "/results").expect(200).json();
        assertEquals("10", pot(shown, "City-wide").get("voters").asText());
        assertEquals("5", pot(shown, "West").get("voters").asText());
    }

    @Test
    void theComparisonListsTheItemsOnlyOneRuleFundsAndTheAreasThatGainOrLose() {
        var f = fixture("greedy", true);
        var compare = anyone.get("/api/votes/" + f.voteId + "/results/compare").expect(200).json();
        var city = pot(compare, "City-wide");
        assertEquals("A2", city.get("onlyGreedy").get(0).get("title").asText());
        assertEquals(1, city.get("onlyGreedy").size());
        assertEquals("M", city.get("onlyEqualShares").get(0).get("title").asText());
        assertEquals(0, pot(compare, "West").get("onlyGreedy").size());
        var areas = new HashMap<String, JsonNode>();
        compare.get("areas").forEach(a -> areas.put(a.get("name").asText(), a));
        // Greedy: West A 50 + half of A2 + D 30 = 105, East half of A2 = 25; Equal Shares: West 80, Far 50.
        assertEquals(105, areas.get("West").get("greedy").asDouble(), 0.05);
        assertEquals(80, areas.get("West").get("equalShares").asDouble(), 0.05);
        assertEquals(25, areas.get("East").get("greedy").asDouble(), 0.05);
        assertEquals("loses", areas.get("East").get("change").asText());
        assertEquals(50, areas.get("Far").get("equalShares").asDouble(), 0.05);
        assertEquals("gains", areas.get("Far").get("change").asText());
    }

    @Test
    void theResultsMapIsGeoJsonWrittenByPostgisWithWhatEachRuleFunds() {
        var f = fixture("equal_shares", true);
        var response = anyone.get("/api/votes/" + f.voteId + "/results/items").expect(200);
        assertTrue(response.header("Content-Type").startsWith("application/geo+json"));
        var byTitle = new HashMap<String, JsonNode>();
        response.json().get("features").forEach(x -> byTitle.put(x.get("properties").get("title").asText(), x));
        assertEquals(5, byTitle.size());
        assertEquals("Point", byTitle.get("M").get("geometry").get("type").asText());
        assertTrue(byTitle.get("D").get("geometry").isNull());
        assertTrue(byTitle.get("M").get("properties").get("funded").asBoolean());
        assertTrue(byTitle.get("M").get("properties").get("fundedEqualShares").asBoolean());
        assertFalse(byTitle.get("M").get("properties").get("fundedGreedy").asBoolean());
        assertFalse(byTitle.get("A2").get("properties").get("funded").asBoolean());
    }

    @Test
    void whereTheMoneyGoesMatchesTheFiguresWorkedOutByHand() {
        var f = fixture("greedy", true);
        var money = planner.get("/api/votes/" + f.voteId + "/money").expect(200).json();
        var areas = new HashMap<String, JsonNode>();
        money.get("areas").forEach(a -> areas.put(a.get("name").asText(), a));
        assertEquals(105, areas.get("West").get("euros").asDouble(), 0.05);
        assertEquals(0.105, areas.get("West").get("eurosPerResident").asDouble(), 0.0001);
        assertEquals(25, areas.get("East").get("euros").asDouble(), 0.05);
        assertEquals(0, areas.get("Far").get("euros").asDouble(), 0);
        assertEquals(6, areas.get("West").get("voters").asLong());
        assertEquals(1, areas.get("East").get("voters").asLong());
        assertEquals(4, areas.get("Far").get("voters").asLong());
        assertEquals(6.0 / 11, areas.get("West").get("voterShare").asDouble(), 1e-9);
        assertEquals(1000.0 / 3500, areas.get("West").get("populationShare").asDouble(), 1e-9);
        assertEquals((6.0 / 11) / (1000.0 / 3500), areas.get("West").get("ratio").asDouble(), 1e-9);
        assertFalse(areas.get("West").get("gotNothing").asBoolean());
        assertFalse(areas.get("East").get("gotNothing").asBoolean());
        assertTrue(areas.get("Far").get("gotNothing").asBoolean(), "Far's voters chose M, and Far got nothing");
        assertEquals(giniByHand(new long[] {105, 25, 0}, new long[] {1000, 500, 2000}),
                money.get("gini").asDouble(), 1e-3);
    }

    /**
     * The population-weighted Gini of euros per resident (METHODS.md §8's Lorenz form), computed here
     * with exact fractions: areas sorted by euros per resident, G = 1 − Σ (x_k − x_{k−1})(y_k + y_{k−1}).
     * For (105, 25, 0) euros and (1000, 500, 2000) residents this is 115/182.
     */
    static double giniByHand(long[] euros, long[] population) {
        Integer[] order = new Integer[euros.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> BigInteger.valueOf(euros[a]).multiply(BigInteger.valueOf(population[b]))
                .compareTo(BigInteger.valueOf(euros[b]).multiply(BigInteger.valueOf(population[a]))));
        long p = java.util.Arrays.stream(population).sum();
        long e = java.util.Arrays.stream(euros).sum();
        // Σ over k of (pop_k / P) (cumE_k + cumE_{k−1}) / E, as one fraction over P·E.
        BigInteger numerator = BigInteger.ZERO;
        long before = 0;
        for (int k : order) {
            long after = before + euros[k];
            numerator = numerator.add(BigInteger.valueOf(population[k]).multiply(BigInteger.valueOf(after + before)));
            before = after;
        }
        BigInteger denominator = BigInteger.valueOf(p).multiply(BigInteger.valueOf(e));
        return 1 - numerator.doubleValue() / denominator.doubleValue();
    }

    @Test
    void theHandGiniIsTheTextbookValue() {
        assertEquals(115.0 / 182, giniByHand(new long[] {105, 25, 0}, new long[] {1000, 500, 2000}), 1e-12);
    }

    @Test
    void thePublicSeesVotersPerAreaUnderTheSmallCountRuleAndNoRawSmallCount() {
        var f = fixture("greedy", true);
        var money = anyone.get("/api/votes/" + f.voteId + "/money").expect(200).json();
        var areas = new HashMap<String, JsonNode>();
        money.get("areas").forEach(a -> areas.put(a.get("name").asText(), a));
        assertEquals("5", areas.get("West").get("voters").asText());
        assertEquals("<5", areas.get("East").get("voters").asText());
        assertEquals("<5", areas.get("Far").get("voters").asText());
        assertTrue(areas.get("East").get("voterShare").isNull());
        assertTrue(areas.get("Far").get("ratio").isNull());
        assertEquals("10", money.get("totals").get("votersInAreas").asText());
        assertEquals(0.5, areas.get("West").get("voterShare").asDouble(), 1e-9, "rounded counts: 5 of 10");
        anyone.get("/api/votes/" + f.voteId + "/money?areaSetId=999999").expect(400);
    }
}
