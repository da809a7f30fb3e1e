package nl.plein.budgets.ballots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.plein.budgets.ballots.BallotFixtures.Person;
import nl.plein.budgets.ballots.BallotFixtures.Vote;
import nl.plein.budgets.ballots.BallotFixtures.When;
import nl.plein.support.TestServer;
import nl.plein.support.Together;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paper ballots: one member of staff enters, a different one confirms, and only then it counts. */
class PaperBallotTest {
    static TestServer server;
    static BallotFixtures town;
    static Person entering;
    static Person confirming;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        town = new BallotFixtures(server.dataSource, server.baseUrl);
        entering = town.person("planner", null);
        confirming = town.person("admin", null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String paper(Long area, String code, long... items) {
        var out = new StringBuilder("{\"areaId\":" + area + (code == null ? "" : ",\"code\":\"" + code + "\"")
                + ",\"choices\":[");
        for (int i = 0; i < items.length; i++) {
            out.append(i > 0 ? "," : "").append("{\"itemId\":").append(items[i]).append('}');
        }
        return out.append("]}").toString();
    }

    static long ballots(Vote vote) {
        return town.count("SELECT count(*) FROM ballots WHERE vote_id = :v", Map.of("v", vote.id()));
    }

    static void refused(Person person, String method, String path, String body, int status, String field) {
        String before = town.rows();
        JsonNode problem = person.send(method, path, body).expect(status).json();
        assertEquals(field, problem.get("errors").get(0).get("field").asText(), problem.toString());
        assertEquals(before, town.rows(), "a refused request writes nothing");
    }

    @Test
    void aPaperBallotCountsOnlyOnceADifferentMemberOfStaffConfirmsIt() {
        Vote vote = town.vote("knapsack", When.OPEN, null, null, null, null);
        var entered = entering.send("POST", vote.path("/paper-ballots"),
                paper(town.oost, null, vote.oostItems().get(0), vote.cityItems().get(1))).expect(201).json();
        long id = entered.get("id").asLong();
        assertEquals(town.oost, entered.get("areaId").asLong());
        assertEquals(0, ballots(vote), "pending: not a ballot yet");
        var pending = confirming.get(vote.path("/paper-ballots")).expect(200).json().get("paperBallots");
        assertEquals(1, pending.size());
        assertEquals(entering.accountId(), pending.get(0).get("enteredBy").asLong());

        refused(entering, "POST", "/api/paper-ballots/" + id + "/confirm", null, 409, "confirmedBy");
        var counted = confirming.send("POST", "/api/paper-ballots/" + id + "/confirm", null).expect(201).json();
        assertFalse(counted.get("receipt").asText().isEmpty());
        assertEquals(1, ballots(vote));
        assertEquals(1, town.count("SELECT count(*) FROM ballots b JOIN paper_ballots p ON p.ballot_id = b.id "
                + "WHERE b.channel = 'paper' AND b.area_id = :a AND b.account_id IS NULL AND p.confirmed_by = :by",
                Map.of("a", town.oost, "by", confirming.accountId())));
        assertEquals(0, confirming.get(vote.path("/paper-ballots")).expect(200).json().get("paperBallots").size());
        refused(confirming, "POST", "/api/paper-ballots/" + id + "/confirm", null, 409, "paperBallot");
        confirming.send("DELETE", "/api/paper-ballots/" + id, null).expect(409);
        town.person("resident", town.oost).send("POST", vote.path("/paper-ballots"),
                paper(town.oost, null, vote.oostItems().get(0))).expect(403);
    }

    @Test
    void aPaperBallotIsCheckedAsAnOnlineOneWhenEnteredAndARejectedOneIsGone() {
        Vote vote = town.vote("knapsack", When.OPEN, null, null, null, null);
        refused(entering, "POST", vote.path("/paper-ballots"), paper(town.west, null, vote.oostItems().get(0)), 400,
                "choices[0].itemId");
        refused(entering, "POST", vote.path("/paper-ballots"), paper(town.west, null, vote.westItems().get(0),
                vote.westItems().get(1)), 400, "choices");
        refused(entering, "POST", vote.path("/paper-ballots"), paper(town.outside, null, vote.cityItems().get(0)), 400,
                "areaId");
        refused(entering, "POST", vote.path("/paper-ballots"), "{\"choices\":[{\"itemId\":1}]}", 400, "areaId");
        Vote closed = town.vote("knapsack", When.CLOSED, null, null, null, null);
        refused(entering, "POST", closed.path("/paper-ballots"), paper(null, null, closed.cityItems().get(0)), 409, "vote");

        long id = entering.send("POST", vote.path("/paper-ballots"), paper(null, null, vote.cityItems().get(0)))
                .expect(201).json().get("id").asLong();
        confirming.send("DELETE", "/api/paper-ballots/" + id, null).expect(204);
        confirming.send("POST", "/api/paper-ballots/" + id + "/confirm", null).expect(404);
        assertEquals(0, ballots(vote));
    }

    @Test
    void aPaperBallotWithItsLettersCodeUsesTheCodeUpSoOneLetterYieldsOneVote() {
        Vote vote = town.vote("knapsack", When.OPEN, null, null, null, null);
        String csv = entering.send("POST", vote.path("/code-batches"), "{\"areaId\":" + town.west + ",\"size\":2}")
                .expect(201).body();
        String[] lines = csv.split("\r\n");
        String first = lines[1].split(",")[0];
        String second = lines[2].split(",")[0];

        refused(entering, "POST", vote.path("/paper-ballots"), paper(town.oost, first, vote.cityItems().get(0)), 400,
                "areaId");
        long id = entering.send("POST", vote.path("/paper-ballots"), paper(town.west, first, vote.westItems().get(0)))
                .expect(201).json().get("id").asLong();
        assertTrue(confirming.get(vote.path("/paper-ballots")).json().get("paperBallots").get(0).get("hasCode")
                .asBoolean());
        confirming.send("POST", "/api/paper-ballots/" + id + "/confirm", null).expect(201);
        var online = server.anonymous().raw("POST", vote.path("/code-ballots"), "application/json",
                ("{\"code\":\"" + first + "\",\"choices\":[{\"itemId\":" + vote.cityItems().get(0) + "}]}").getBytes())
                .expect(409).json();
        assertEquals("code", online.get("errors").get(0).get("field").asText());
        refused(entering, "POST", vote.path("/paper-ballots"), paper(town.west, first, vote.westItems().get(0)), 409,
                "code");

        // The other letter came back both ways: online first, so its paper entry cannot be confirmed.
        long late = entering.send("POST", vote.path("/paper-ballots"), paper(town.west, second, vote.westItems().get(1)))
                .expect(201).json().get("id").asLong();
        server.anonymous().raw("POST", vote.path("/code-ballots"), "application/json",
                ("{\"code\":\"" + second + "\",\"choices\":[{\"itemId\":" + vote.cityItems().get(1) + "}]}").getBytes())
                .expect(201);
        refused(confirming, "POST", "/api/paper-ballots/" + late + "/confirm", null, 409, "code");
        assertEquals(2, ballots(vote));
    }

    @Test
    void whereLettersWentAPaperBallotNeedsItsLettersCodeAndOneWithoutBlocksLaterLetters() {
        Vote vote = town.vote("knapsack", When.OPEN, null, null, null, null);
        // Oost: a paper ballot without a code is counted; letters for Oost would let that voter vote again.
        long oost = entering.send("POST", vote.path("/paper-ballots"), paper(town.oost, null, vote.oostItems().get(0)))
                .expect(201).json().get("id").asLong();
        refused(entering, "POST", vote.path("/code-batches"), "{\"areaId\":" + town.oost + ",\"size\":2}", 409,
                "areaId"); // also while it waits for confirmation
        confirming.send("POST", "/api/paper-ballots/" + oost + "/confirm", null).expect(201);
        refused(entering, "POST", vote.path("/code-batches"), "{\"areaId\":" + town.oost + ",\"size\":2}", 409,
                "areaId");

        // West: letters went out, so a paper ballot from West must give its letter's code.
        long pendingWest = entering.send("POST", vote.path("/paper-ballots"), paper(town.west, null,
                vote.westItems().get(1))).expect(201).json().get("id").asLong();
        // ...which a batch made meanwhile refuses, as it would be an uncoded ballot beside a letter.
        refused(entering, "POST", vote.path("/code-batches"), "{\"areaId\":" + town.west + ",\"size\":2}", 409,
                "areaId");
        entering.send("DELETE", "/api/paper-ballots/" + pendingWest, null).expect(204);
        String csv = entering.send("POST", vote.path("/code-batches"), "{\"areaId\":" + town.west + ",\"size\":2}")
                .expect(201).body();
        String code = csv.split("\r\n")[1].split(",")[0];
        refused(entering, "POST", vote.path("/paper-ballots"), paper(town.west, null, vote.westItems().get(0)), 400,
                "code");
        long west = entering.send("POST", vote.path("/paper-ballots"), paper(town.west, code, vote.westItems().get(0)))
                .expect(201).json().get("id").asLong();
        confirming.send("POST", "/api/paper-ballots/" + west + "/confirm", null).expect(201);
        assertEquals(2, ballots(vote));
    }

    @Test
    void twoMembersOfStaffConfirmingAtOnceMakeOneBallot() throws Exception {
        Vote vote = town.vote("knapsack", When.OPEN, null, null, null, null);
        long id = entering.send("POST", vote.path("/paper-ballots"), paper(null, null, vote.cityItems().get(2)))
                .expect(201).json().get("id").asLong();
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 4; i++) {
            Person staff = town.person("planner", null);
            tasks.add(() -> staff.send("POST", "/api/paper-ballots/" + id + "/confirm", null).status());
        }
        var statuses = Together.run(tasks);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, ballots(vote));
    }
}
