package nl.plein.budgets.ballots;

import static nl.plein.budgets.ballots.BallotFixtures.choices;
import static nl.plein.budgets.ballots.BallotFixtures.pointed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.plein.budgets.ballots.BallotFixtures.Person;
import nl.plein.budgets.ballots.BallotFixtures.Vote;
import nl.plein.budgets.ballots.BallotFixtures.When;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A signed-in resident's own ballot, over real HTTP on PostGIS: pots by home area, every rule, changes. */
class AccountBallotTest {
    static TestServer server;
    static BallotFixtures town;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        town = new BallotFixtures(server.dataSource, server.baseUrl);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<Long> ids(JsonNode array) {
        var ids = new ArrayList<Long>();
        array.forEach(n -> ids.add(n.asLong()));
        return ids;
    }

    /** The request is refused with this status naming this field, and no ballot table changed. */
    private static JsonNode refused(Person person, String method, String path, String body, int status, String field) {
        String before = town.rows();
        var response = person.send(method, path, body).expect(status);
        JsonNode problem = response.json();
        var fields = new ArrayList<String>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertTrue(fields.contains(field), () -> "expected the problem to name " + field + ": " + response.body());
        assertEquals(before, town.rows(), "a refused ballot writes nothing");
        return problem;
    }

    @Test
    void aResidentVotesInTheirHomeAreasPotAndTheCityWidePotAndChangesTheirBallotUntilClosing() {
        Vote vote = town.vote("knapsack", When.OPEN, null, null, null, null);
        Person west = town.person("resident", town.west);
        var none = west.get(vote.path("/ballot")).expect(204);
        assertEquals("", none.body(), "no ballot yet is no content, not an error");
        west.get("/api/votes/999999/ballot").expect(404);
        // Before any ballot, the page can show the pots this resident votes in, with their budgets.
        var pots = west.get(vote.path("/ballot/pots")).expect(200).json().get("pots");
        assertEquals(2, pots.size());
        assertEquals(List.of(vote.cityPot(), vote.westPot()), List.of(pots.get(0).get("id").asLong(),
                pots.get(1).get("id").asLong()));
        assertTrue(pots.get(0).get("areaId").isNull());
        assertEquals("West", pots.get(1).get("name").asText());
        assertEquals(50_000, pots.get(1).get("budget").asLong());

        var first = west.send("PUT", vote.path("/ballot"), choices(vote.cityItems().get(0), vote.westItems().get(0)))
                .expect(200).json();
        assertEquals(List.of(vote.cityPot(), vote.westPot()), ids(first.get("pots")));
        String receipt = first.get("receipt").asText();
        assertTrue(receipt.matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}(-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}){2}"),
                receipt);

        var second = west.send("PUT", vote.path("/ballot"), choices(vote.westItems().get(1), vote.cityItems().get(1)))
                .expect(200).json();
        assertEquals(receipt, second.get("receipt").asText(), "a changed ballot keeps its receipt");
        var own = west.get(vote.path("/ballot")).expect(200);
        assertTrue(own.header("Cache-Control").contains("no-store"), own.header("Cache-Control"));
        var got = own.json();
        var expected = new ArrayList<String>();
        for (long item : new long[] {vote.cityItems().get(1), vote.westItems().get(1)}) {
            expected.add(item + ":1");
        }
        assertEquals(expected, town.storedChoices(vote.id(), west.accountId()));
        var returned = new ArrayList<String>();
        got.get("choices").forEach(c -> returned.add(c.get("itemId").asLong() + ":" + c.get("points").asInt()));
        assertEquals(expected, returned, "the voter reads back the choices of their last change");
        assertEquals(receipt, got.get("receipt").asText());
        assertEquals(1, town.count("SELECT count(*) FROM ballots WHERE vote_id = :v", Map.of("v", vote.id())));
        long area = town.count("SELECT area_id FROM ballots WHERE vote_id = :v", Map.of("v", vote.id()));
        assertEquals(town.west, area, "the ballot records the voter's home area in the vote's set");

        // A resident of Oost may not vote for West's items, and the refusal changes nothing.
        Person oost = town.person("resident", town.oost);
        refused(oost, "PUT", vote.path("/ballot"), choices(vote.westItems().get(0)), 400, "choices[0].itemId");
        assertEquals(List.of(vote.cityPot(), vote.oostPot()),
                ids(oost.send("PUT", vote.path("/ballot"), choices(vote.oostItems().get(0))).expect(200).json().get("pots")));
        // Nobody else sees a ballot: each sees only their own (or none).
        Person other = town.person("planner", null);
        other.get(vote.path("/ballot")).expect(204);
        server.anonymous().get(vote.path("/ballot")).expect(401);
    }

    @Test
    void aHomeAreaOfAnotherBoundarySetCountsByTheAreaOfTheVotesSetThatCoversItAndNoHomeMeansCityWideOnly() {
        Vote vote = town.vote("approval", When.OPEN, null, null, null, null);
        long buurt = town.insert("INSERT INTO areas (area_set_id, code, name, geom) SELECT s.id, 'BU77', 'Hoekje', "
                + "ST_Multi(ST_MakeEnvelope(5.506, 52.501, 5.507, 52.502, 4326)) FROM area_sets s WHERE s.id <> :set "
                + "ORDER BY s.id LIMIT 1 RETURNING id", Map.of("set", town.setId));
        Person inBuurt = town.person("resident", buurt);
        var json = inBuurt.send("PUT", vote.path("/ballot"), choices(vote.oostItems().get(0))).expect(200).json();
        assertEquals(List.of(vote.cityPot(), vote.oostPot()), ids(json.get("pots")));

        Person homeless = town.person("resident", null);
        assertEquals(1, homeless.get(vote.path("/ballot/pots")).expect(200).json().get("pots").size());
        refused(homeless, "PUT", vote.path("/ballot"), choices(vote.oostItems().get(0)), 400, "choices[0].itemId");
        var cityOnly = homeless.send("PUT", vote.path("/ballot"), choices(vote.cityItems().get(2))).expect(200).json();
        assertEquals(List.of(vote.cityPot()), ids(cityOnly.get("pots")));
    }

    @Test
    void aVoteThatIsNotOpenRefusesBallotsNamingTheVote() {
        Person person = town.person("resident", town.west);
        for (var vote : List.of(town.vote("knapsack", When.UPCOMING, null, null, null, null),
                town.vote("knapsack", When.CLOSED, null, null, null, null),
                town.vote("knapsack", When.OPEN, null, null, null, null, true))) {
            refused(person, "PUT", vote.path("/ballot"), choices(vote.cityItems().get(0)), 409, "vote");
        }
        person.send("PUT", "/api/votes/999999/ballot", choices(1)).expect(404);
    }

    @Test
    void unknownForeignAndRepeatedItemsAreNamedByTheirIndex() {
        Vote vote = town.vote("knapsack", When.OPEN, null, null, null, null);
        Vote other = town.vote("knapsack", When.OPEN, null, null, null, null);
        Person person = town.person("resident", town.west);
        refused(person, "PUT", vote.path("/ballot"), choices(vote.cityItems().get(2), 987654), 400, "choices[1].itemId");
        refused(person, "PUT", vote.path("/ballot"), choices(other.cityItems().get(2)), 400, "choices[0].itemId");
        refused(person, "PUT", vote.path("/ballot"), choices(vote.cityItems().get(2), vote.cityItems().get(2)), 400,
                "choices[1].itemId");
        refused(person, "PUT", vote.path("/ballot"), "{\"choices\":[]}", 400, "choices");
        refused(person, "PUT", vote.path("/ballot"), "{\"choices\":[{\"itemId\":\"x\"}]}", 400, "choices[0].itemId");
        refused(person, "PUT", vote.path("/ballot"), "{\"choices\":[],\"who\":1}", 400, "who");
        refused(person, "PUT", vote.path("/ballot"), "{}", 400, "choices");
    }

    @Test
    void aKnapsackBallotMustFitEachPotAndSaysWhichPotAndByHowMuch() {
        Vote vote = town.vote("knapsack", When.OPEN, null, null, null, null);
        Person person = town.person("resident", town.west);
        // The city's three items cost 60,000 + 30,000 + 20,000 = 110,000 in a pot of 100,000.
        var problem = refused(person, "PUT", vote.path("/ballot"), choices(vote.cityItems().get(0),
                vote.cityItems().get(1), vote.cityItems().get(2)), 400, "choices");
        String detail = problem.get("errors").get(0).get("detail").asText();
        assertTrue(detail.contains("Hele stad") && detail.contains("€10000 over") && detail.contains("€100000"), detail);
        // West's two cost 60,000 in a pot of 50,000; each pot is held to its own budget.
        refused(person, "PUT", vote.path("/ballot"), choices(vote.westItems().get(0), vote.westItems().get(1)), 400,
                "choices");
        refused(person, "PUT", vote.path("/ballot"), pointed(new long[] {vote.cityItems().get(0)}, new int[] {2}), 400,
                "choices[0].points");
        person.send("PUT", vote.path("/ballot"), choices(vote.cityItems().get(0), vote.cityItems().get(1),
                vote.westItems().get(0))).expect(200);
        // A refused change leaves the ballot as it was.
        refused(person, "PUT", vote.path("/ballot"), choices(vote.westItems().get(0), vote.westItems().get(1)), 400,
                "choices");
        assertEquals(3, town.storedChoices(vote.id(), person.accountId()).size());
    }

    @Test
    void anApprovalBallotHoldsMinAndMaxItemsInEveryPotItVotesIn() {
        Vote vote = town.vote("approval", When.OPEN, 2, 2, null, null);
        Person person = town.person("resident", town.west);
        refused(person, "PUT", vote.path("/ballot"), choices(vote.cityItems().get(0)), 400, "choices");
        refused(person, "PUT", vote.path("/ballot"), choices(vote.cityItems().get(0), vote.cityItems().get(1),
                vote.cityItems().get(2)), 400, "choices");
        refused(person, "PUT", vote.path("/ballot"), choices(vote.cityItems().get(0), vote.cityItems().get(1),
                vote.westItems().get(0)), 400, "choices");
        // Approval ignores costs: 90,000 + 60,000 is fine; West is left out altogether.
        person.send("PUT", vote.path("/ballot"), choices(vote.cityItems().get(0), vote.cityItems().get(1)))
                .expect(200);
    }

    @Test
    void aCumulativeBallotSpreadsItsPointsPerPotWithinTheLimitPerItem() {
        Vote vote = town.vote("cumulative", When.OPEN, null, null, 10, 6);
        Person person = town.person("resident", town.west);
        long a = vote.cityItems().get(0);
        long b = vote.cityItems().get(1);
        long w = vote.westItems().get(0);
        refused(person, "PUT", vote.path("/ballot"), pointed(new long[] {a, b}, new int[] {0, 3}), 400, "choices[0].points");
        refused(person, "PUT", vote.path("/ballot"), pointed(new long[] {a, b}, new int[] {3, -1}), 400, "choices[1].points");
        refused(person, "PUT", vote.path("/ballot"), pointed(new long[] {a, b}, new int[] {7, 3}), 400, "choices[0].points");
        refused(person, "PUT", vote.path("/ballot"), pointed(new long[] {a, b}, new int[] {6, 5}), 400, "choices");
        refused(person, "PUT", vote.path("/ballot"), choices(a), 400, "choices[0].points");
        // Ten points in the city's pot and six in West's: each pot has its own ten.
        person.send("PUT", vote.path("/ballot"), pointed(new long[] {a, b, w}, new int[] {6, 4, 6})).expect(200);
        assertEquals(List.of(a + ":6", b + ":4", w + ":6"), town.storedChoices(vote.id(), person.accountId()));
    }

    @Test
    void receiptsAreDrawnAtRandomAndAnonymousPeopleCannotVote() {
        Vote vote = town.vote("knapsack", When.OPEN, null, null, null, null);
        var receipts = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            Person person = town.person("resident", town.west);
            receipts.add(person.send("PUT", vote.path("/ballot"), choices(vote.cityItems().get(0))).expect(200).json()
                    .get("receipt").asText());
        }
        assertEquals(5, receipts.stream().distinct().count(), "receipts are drawn at random");
        assertNotEquals(receipts.get(0), receipts.get(1));
        Client anyone = server.anonymous();
        anyone.put(vote.path("/ballot"), Map.of("choices", List.of())).expect(401);
    }
}
