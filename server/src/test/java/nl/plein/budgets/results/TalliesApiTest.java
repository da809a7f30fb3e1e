package nl.plein.budgets.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.Fixtures;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each item's tally in the public views of a vote's results follows the small-count rule, and
 * planners see it raw, on the vote of {@link ResultsFixtures#tallies}: items chosen by 0, 3, 7 and
 * 12 voters. The public sees 0, "&lt;5", "5" and "10"; on a cumulative ballot it sees the items'
 * supporters so, and the points of T3 (three supporters) as "x". Winners, worked out by hand:
 * budget 25, each item 10, so greedy funds the two with most votes. Approval: T12 (12), then T7
 * (7). Cumulative: T3 (15 points), then T7 (14); T12 (12) no longer fits.
 */
class TalliesApiTest {
    static TestServer server;
    static Client planner;
    static Client resident;
    static Client anyone;
    static long projectId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        Client admin = server.signedIn("admin@tallies.test", Role.ADMIN);
        planner = server.signedIn("planner@tallies.test", Role.PLANNER);
        resident = server.signedIn("resident@tallies.test", Role.RESIDENT);
        anyone = server.anonymous();
        projectId = admin.post("/api/projects", Fixtures.project("Stemmen tellen", List.of("point"), false))
                .expect(201).json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ResultsFixtures vote(String ballotType) {
        return new ResultsFixtures(ResultsFixtures.jdbi(server.dataSource), projectId).tallies(ballotType);
    }

    /** The only pot's items by title. */
    private static Map<String, JsonNode> items(JsonNode results) {
        assertEquals(1, results.get("pots").size());
        var byTitle = new HashMap<String, JsonNode>();
        results.get("pots").get(0).get("items").forEach(i -> byTitle.put(i.get("title").asText(), i));
        return byTitle;
    }

    /** A field of each item, as JSON (so 5 and "5" differ). */
    private static Map<String, JsonNode> field(Map<String, JsonNode> items, String name) {
        var out = new TreeMap<String, JsonNode>();
        items.forEach((title, item) -> out.put(title, item.get(name)));
        return out;
    }

    private static Map<String, JsonNode> numbers(int t0, int t3, int t7, int t12) {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        return new TreeMap<>(Map.of("T0", f.numberNode(t0), "T3", f.numberNode(t3), "T7", f.numberNode(t7),
                "T12", f.numberNode(t12)));
    }

    private static Map<String, JsonNode> texts(String t0, String t3, String t7, String t12) {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        return new TreeMap<>(Map.of("T0", f.textNode(t0), "T3", f.textNode(t3), "T7", f.textNode(t7),
                "T12", f.textNode(t12)));
    }

    /** The titles funded, in funding order. */
    private static List<String> funded(Map<String, JsonNode> items) {
        var byOrder = new TreeMap<Integer, String>();
        items.forEach((title, item) -> {
            if (item.get("funded").asBoolean()) {
                byOrder.put(item.get("fundedOrder").asInt(), title);
            }
        });
        return List.copyOf(byOrder.values());
    }

    @Test
    void approvalTalliesAreRoundedOrHiddenForAnyoneAndResidentsAndRawForPlanners() {
        var f = vote("approval");
        String path = "/api/votes/" + f.voteId + "/results";
        var raw = items(planner.get(path).expect(200).json());
        assertEquals(numbers(0, 3, 7, 12), field(raw, "votes"));
        assertEquals(numbers(0, 3, 7, 12), field(raw, "supporters"));
        assertEquals(List.of("T12", "T7"), funded(raw));
        for (Client reader : List.of(anyone, resident)) {
            var shown = items(reader.get(path).expect(200).json());
            assertEquals(texts("0", "<5", "5", "10"), field(shown, "votes"));
            assertEquals(texts("0", "<5", "5", "10"), field(shown, "supporters"));
            assertEquals(List.of("T12", "T7"), funded(shown), "the winners do not change with what is shown");
        }
        var other = items(anyone.get(path + "?rule=equal_shares").expect(200).json());
        assertEquals(texts("0", "<5", "5", "10"), field(other, "votes"));
        assertEquals(funded(items(planner.get(path + "?rule=equal_shares").expect(200).json())), funded(other));
    }

    @Test
    void cumulativePointsAreShownExceptForAnItemWithFewerThanFiveSupporters() {
        var f = vote("cumulative");
        String path = "/api/votes/" + f.voteId + "/results";
        var raw = items(planner.get(path).expect(200).json());
        assertEquals(numbers(0, 15, 14, 12), field(raw, "votes"));
        assertEquals(numbers(0, 3, 7, 12), field(raw, "supporters"));
        assertEquals(List.of("T3", "T7"), funded(raw));
        for (Client reader : List.of(anyone, resident)) {
            var shown = items(reader.get(path).expect(200).json());
            var points = numbers(0, 0, 14, 12);
            points.put("T3", com.fasterxml.jackson.databind.node.TextNode.valueOf("x"));
            assertEquals(points, field(shown, "votes"));
            assertEquals(texts("0", "<5", "5", "10"), field(shown, "supporters"));
            assertEquals(List.of("T3", "T7"), funded(shown), "an item whose points are hidden is still funded first");
        }
    }

    @Test
    void whereEachVoterChoseOneItemASecondTallyIsHiddenSoTheSmallOneCannotBeWorkedOutFromTheVoters() {
        var f = new ResultsFixtures(ResultsFixtures.jdbi(server.dataSource), projectId).oneChoice();
        String path = "/api/votes/" + f.voteId + "/results";
        var raw = items(planner.get(path).expect(200).json());
        assertEquals(numbers(0, 3, 7, 12), field(raw, "votes"));
        for (String rule : List.of("greedy", "equal_shares")) {
            var results = anyone.get(path + "?rule=" + rule).expect(200).json();
            assertEquals("20", results.get("pots").get(0).get("voters").asText());
            // 20 voters shown, T12 10 and T3 "<5": T7 would give T3 away, so it is hidden too.
            assertEquals(texts("0", "<5", "x", "10"), field(items(results), "votes"), rule);
            assertEquals(texts("0", "<5", "x", "10"), field(items(results), "supporters"), rule);
        }
        assertEquals(List.of("T12", "T7"), funded(items(anyone.get(path).expect(200).json())));
        var map = new TreeMap<String, JsonNode>();
        anyone.get(path + "/items").expect(200).json().get("features")
                .forEach(x -> map.put(x.get("properties").get("title").asText(), x.get("properties")));
        assertEquals(texts("0", "<5", "x", "10"), field(map, "votes"));
    }

    @Test
    void theResultsMapShowsTalliesAsTheResultsDo() {
        var f = vote("approval");
        String path = "/api/votes/" + f.voteId + "/results/items";
        var shown = new TreeMap<String, JsonNode>();
        anyone.get(path).expect(200).json().get("features")
                .forEach(x -> shown.put(x.get("properties").get("title").asText(), x.get("properties")));
        assertEquals(texts("0", "<5", "5", "10"), field(shown, "votes"));
        assertEquals(texts("0", "<5", "5", "10"), field(shown, "supporters"));
        var raw = new TreeMap<String, JsonNode>();
        planner.get(path).expect(200).json().get("features")
                .forEach(x -> raw.put(x.get("properties").get("title").asText(), x.get("properties")));
        assertEquals(numbers(0, 3, 7, 12), field(raw, "votes"));
        assertTrue(shown.get("T12").get("funded").asBoolean());
        assertTrue(shown.get("T7").get("funded").asBoolean());
    }

    @Test
    void theComparisonShowsTheTalliesOfItemsOnlyOneRuleFundsAsTheResultsDo() {
        var f = vote("cumulative");
        var compare = anyone.get("/api/votes/" + f.voteId + "/results/compare").expect(200).json();
        var rawCompare = planner.get("/api/votes/" + f.voteId + "/results/compare").expect(200).json();
        var pot = compare.get("pots").get(0);
        var rawPot = rawCompare.get("pots").get(0);
        // Equal Shares: each of the 12 voters holds 25/12; T12's twelve supporters pay 10 first, then
        // T3's three cannot reach 10 before the outcome would cost 30 (add1), so it funds T12 and T7.
        assertEquals("T3", rawPot.get("onlyGreedy").get(0).get("title").asText());
        assertEquals("T12", rawPot.get("onlyEqualShares").get(0).get("title").asText());
        assertEquals(rawPot.get("onlyGreedy").size(), pot.get("onlyGreedy").size());
        assertEquals(rawPot.get("onlyEqualShares").size(), pot.get("onlyEqualShares").size());
        assertEquals(15, rawPot.get("onlyGreedy").get(0).get("votes").asLong());
        for (String list : List.of("onlyGreedy", "onlyEqualShares")) {
            for (JsonNode item : pot.get(list)) {
                String title = item.get("title").asText();
                var expected = Map.of("T3", "x", "T7", "14", "T12", "12").get(title);
                assertEquals(expected, item.get("votes").asText(), title);
                assertEquals(Map.of("T3", "<5", "T7", "5", "T12", "10").get(title), item.get("supporters").asText());
            }
        }
    }
}
