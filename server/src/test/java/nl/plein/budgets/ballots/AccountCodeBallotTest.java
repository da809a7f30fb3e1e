package nl.plein.budgets.ballots;

import static nl.plein.budgets.ballots.BallotFixtures.choices;
import static nl.plein.budgets.ballots.PaperBallotTest.paper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.plein.budgets.ballots.BallotFixtures.Person;
import nl.plein.budgets.ballots.BallotFixtures.Vote;
import nl.plein.budgets.ballots.BallotFixtures.When;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import nl.plein.support.Together;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One ballot per person whatever the route: where letters with voting codes went to an area, a
 * signed-in resident of that area confirms their first ballot with their letter's code, which it
 * uses up, so the letter casts no second ballot online or on paper. Over real HTTP on PostGIS.
 */
class AccountCodeBallotTest {
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

    /** The clear codes of a new batch for this area (null: city-wide), from its only CSV. */
    static List<String> letters(Vote vote, Long area, int size) {
        String csv = entering.send("POST", vote.path("/code-batches"), "{\"areaId\":" + area + ",\"size\":" + size + "}")
                .expect(201).body();
        return csv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")[0]).toList();
    }

    /** A ballot body with a code (null: none) and items. */
    static String withCode(String code, long... items) {
        String plain = choices(items);
        return code == null ? plain : "{\"code\":\"" + code + "\"," + plain.substring(1);
    }

    static String sha256Hex(String code) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(code.replace("-", "").getBytes(StandardCharsets.US_ASCII)));
    }

    /** The request is refused with this status naming this field, and no ballot table changed. */
    static JsonNode refused(Person person, String method, String path, String body, int status, String field) {
        String before = town.rows();
        var response = person.send(method, path, body).expect(status);
        JsonNode problem = response.json();
        var fields = new ArrayList<String>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertTrue(fields.contains(field), () -> "expected the problem to name " + field + ": " + response.body());
        assertEquals(before, town.rows(), "a refused ballot writes nothing");
        return problem;
    }

    static boolean codeRequired(Person person, Vote vote) {
        JsonNode json = person.get(vote.path("/ballot/pots")).expect(200).json();
        assertTrue(json.get("codeRequired").isBoolean(), json.toString());
        return json.get("codeRequired").asBoolean();
    }

    static long ballots(Vote vote) {
        return town.count("SELECT count(*) FROM ballots WHERE vote_id = :v", Map.of("v", vote.id()));
    }

    @Test
    void aResidentWhoseAreaGotLettersConfirmsTheirFirstBallotWithTheCodeWhichThenVotesNowhereElse() throws Exception {
        Vote vote = town.vote("knapsack", When.OPEN, null, null, null, null);
        List<String> codes = letters(vote, town.west, 3);
        Person west = town.person("resident", town.west);
        assertTrue(codeRequired(west, vote), "letters went to West: the first ballot needs one");

        var missing = refused(west, "PUT", vote.path("/ballot"), withCode(null, vote.westItems().get(0)), 400, "code");
        assertTrue(missing.toString().contains("required"), missing.toString());
        assertEquals(0, ballots(vote));

        // A paper ballot with the second letter waits for its second member of staff meanwhile.
        long pending = entering.send("POST", vote.path("/paper-ballots"),
                paper(town.west, codes.get(1), vote.westItems().get(1))).expect(201).json().get("id").asLong();

        var cast = west.send("PUT", vote.path("/ballot"), withCode(codes.get(0).toLowerCase(java.util.Locale.ROOT),
                vote.westItems().get(0), vote.cityItems().get(2))).expect(200).json();
        String receipt = cast.get("receipt").asText();
        assertEquals(1, ballots(vote));
        assertEquals(sha256Hex(codes.get(0)), town.jdbi.withHandle(h -> h.createQuery(
                "SELECT encode(code_hash, 'hex') FROM ballots WHERE vote_id = :v AND channel = 'account' "
                        + "AND account_id = :a").bind("v", vote.id()).bind("a", west.accountId()).mapTo(String.class).one()),
                "the account's ballot holds its letter's code");
        assertEquals(1, entering.get(vote.path("/code-batches")).expect(200).json().get("batches").get(0)
                .get("used").asInt());
        assertFalse(codeRequired(west, vote), "a cast ballot is changed without a code");
        assertFalse(west.get(vote.path("/ballot")).expect(200).json().get("codeRequired").asBoolean());

        // Later changes need no code; a code given with one changes nothing about the letters.
        var changed = west.send("PUT", vote.path("/ballot"), withCode(null, vote.westItems().get(1))).expect(200).json();
        assertEquals(receipt, changed.get("receipt").asText());
        west.send("PUT", vote.path("/ballot"), withCode(codes.get(2), vote.westItems().get(0))).expect(200);
        assertEquals(1, entering.get(vote.path("/code-batches")).expect(200).json().get("batches").get(0)
                .get("used").asInt(), "a code sent with a change is not used up");
        assertEquals(List.of(vote.westItems().get(0) + ":1"), town.storedChoices(vote.id(), west.accountId()));

        // The letter used by the account casts nothing more: not online, not on paper.
        String before = town.rows();
        var online = server.anonymous().raw("POST", vote.path("/code-ballots"), "application/json",
                withCode(codes.get(0), vote.westItems().get(0)).getBytes()).expect(409).json();
        assertEquals("code", online.get("errors").get(0).get("field").asText());
        assertEquals(before, town.rows());
        refused(entering, "POST", vote.path("/paper-ballots"), paper(town.west, codes.get(0), vote.westItems().get(0)),
                409, "code");
        assertEquals(1, ballots(vote));

        // The second letter: its paper ballot was pending when another resident used the code online.
        Person neighbour = town.person("resident", town.west);
        neighbour.send("PUT", vote.path("/ballot"), withCode(codes.get(1), vote.cityItems().get(0))).expect(200);
        refused(confirming, "POST", "/api/paper-ballots/" + pending + "/confirm", null, 409, "code");
        assertEquals(2, ballots(vote));
    }

    @Test
    void aWrongCodeIsRefusedNamingTheCodeAndNothingIsWritten() {
        Vote vote = town.vote("approval", When.OPEN, null, null, null, null);
        List<String> westCodes = letters(vote, town.west, 2);
        List<String> oostCodes = letters(vote, town.oost, 1);
        List<String> cityCodes = letters(vote, null, 1);
        Vote other = town.vote("approval", When.OPEN, null, null, null, null);
        List<String> foreign = letters(other, town.west, 1);
        Person west = town.person("resident", town.west);
        long item = vote.westItems().get(0);

        refused(west, "PUT", vote.path("/ballot"), withCode("2222-3333-4444-5555", item), 400, "code");
        refused(west, "PUT", vote.path("/ballot"), withCode("not a code", item), 400, "code");
        refused(west, "PUT", vote.path("/ballot"), withCode(oostCodes.get(0), item), 400, "code");
        refused(west, "PUT", vote.path("/ballot"), withCode(cityCodes.get(0), item), 400, "code");
        refused(west, "PUT", vote.path("/ballot"), withCode(foreign.get(0), item), 400, "code");
        refused(west, "PUT", vote.path("/ballot"), "{\"code\":\"\",\"choices\":[{\"itemId\":" + item + "}]}", 400, "code");
        refused(west, "PUT", vote.path("/ballot"), "{\"code\":7,\"choices\":[{\"itemId\":" + item + "}]}", 400, "code");
        // A letter already used by its code ballot cannot confirm an account's ballot either.
        server.anonymous().raw("POST", vote.path("/code-ballots"), "application/json",
                withCode(westCodes.get(0), item).getBytes()).expect(201);
        refused(west, "PUT", vote.path("/ballot"), withCode(westCodes.get(0), item), 409, "code");
        // A good code with a bad ballot: refused for the ballot, and the code stays unused.
        refused(west, "PUT", vote.path("/ballot"), withCode(westCodes.get(1), vote.oostItems().get(0)), 400,
                "choices[0].itemId");
        west.send("PUT", vote.path("/ballot"), withCode(westCodes.get(1), item)).expect(200);
        assertEquals(2, ballots(vote));
    }

    @Test
    void areasWithoutLettersVoteAsBeforeAndCityWideLettersGoToThoseWithoutAHomeArea() {
        Vote vote = town.vote("knapsack", When.OPEN, null, null, null, null);
        letters(vote, town.west, 1);
        Person oost = town.person("resident", town.oost);
        assertFalse(codeRequired(oost, vote), "no letters went to Oost");
        oost.send("PUT", vote.path("/ballot"), withCode(null, vote.oostItems().get(0))).expect(200);
        Person homeless = town.person("resident", null);
        assertFalse(codeRequired(homeless, vote), "no city-wide letters yet");

        Vote cityLetters = town.vote("knapsack", When.OPEN, null, null, null, null);
        List<String> city = letters(cityLetters, null, 1);
        List<String> west = letters(cityLetters, town.west, 1);
        assertTrue(codeRequired(homeless, cityLetters));
        assertFalse(codeRequired(oost, cityLetters), "a city-wide batch is not for residents of an area");
        refused(homeless, "PUT", cityLetters.path("/ballot"), withCode(null, cityLetters.cityItems().get(0)), 400, "code");
        refused(homeless, "PUT", cityLetters.path("/ballot"), withCode(west.get(0), cityLetters.cityItems().get(0)), 400,
                "code");
        homeless.send("PUT", cityLetters.path("/ballot"), withCode(city.get(0), cityLetters.cityItems().get(0)))
                .expect(200);
        oost.send("PUT", cityLetters.path("/ballot"), withCode(null, cityLetters.oostItems().get(0))).expect(200);
        // A vote without any letters: as it always was.
        Vote plain = town.vote("knapsack", When.OPEN, null, null, null, null);
        Person westPerson = town.person("resident", town.west);
        assertFalse(codeRequired(westPerson, plain));
        westPerson.send("PUT", plain.path("/ballot"), withCode(null, plain.westItems().get(0))).expect(200);
    }

    @Test
    void twoAccountsRacingWithOneLettersCodeCastOneBallot() throws Exception {
        Vote vote = town.vote("approval", When.OPEN, null, null, null, null);
        String code = letters(vote, town.west, 1).get(0);
        var people = new ArrayList<Person>();
        for (int i = 0; i < 6; i++) {
            people.add(town.person("resident", town.west));
        }
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            long item = vote.cityItems().get(i % 3);
            tasks.add(() -> person.send("PUT", vote.path("/ballot"), withCode(code, item)).status());
        }
        var statuses = Together.run(tasks);
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, ballots(vote));
        assertEquals(1, town.count("SELECT count(*) FROM ballot_choices c JOIN ballots b ON b.id = c.ballot_id "
                + "WHERE b.vote_id = :v", Map.of("v", vote.id())));
        assertEquals(1, town.count("SELECT count(*) FROM voting_codes WHERE vote_id = :v AND used_at IS NOT NULL",
                Map.of("v", vote.id())));
    }

    /** A vote's code batches and codes, to show that a refused batch wrote neither. */
    static String batchRows(Vote vote) {
        return town.count("SELECT count(*) FROM voting_code_batches WHERE vote_id = :v", Map.of("v", vote.id())) + "/"
                + town.count("SELECT count(*) FROM voting_codes WHERE vote_id = :v", Map.of("v", vote.id()));
    }

    /** A batch refused with 409 naming areaId, with nothing written; its problem's detail. */
    static String batchRefused(Vote vote, Long area) {
        String before = batchRows(vote);
        String detail = refused(entering, "POST", vote.path("/code-batches"), "{\"areaId\":" + area + ",\"size\":5}", 409,
                "areaId").get("errors").get(0).get("detail").asText();
        assertEquals(before, batchRows(vote), "a refused batch makes no batch and no codes");
        return detail;
    }

    @Test
    void lettersForAnAreaAreRefusedNamingTheAreaOnceItsResidentsVotedOnlineWithoutACode() {
        Vote vote = town.vote("knapsack", When.OPEN, null, null, null, null);
        town.person("resident", town.west).send("PUT", vote.path("/ballot"), withCode(null, vote.westItems().get(0)))
                .expect(200);
        String detail = batchRefused(vote, town.west);
        assertTrue(detail.contains("1 ballot was cast online or on paper without a letter's code"), detail);
        assertTrue(detail.contains("letters must be made before residents of an area vote online"), detail);
        town.person("resident", town.west).send("PUT", vote.path("/ballot"), withCode(null, vote.westItems().get(1)))
                .expect(200);
        assertTrue(batchRefused(vote, town.west).startsWith("2 ballots were"), "planners see the raw count");

        // Oost has not voted yet: its letters go out, and its residents then confirm with their code.
        List<String> oost = letters(vote, town.oost, 1);
        Person oostPerson = town.person("resident", town.oost);
        assertTrue(codeRequired(oostPerson, vote));
        oostPerson.send("PUT", vote.path("/ballot"), withCode(oost.get(0), vote.oostItems().get(0))).expect(200);
        // A ballot confirmed by a letter's code is tied to that letter: more letters for Oost are fine.
        letters(vote, town.oost, 1);

        // City-wide letters reach those without a home area in the vote's set.
        letters(vote, null, 1);
        Vote city = town.vote("approval", When.OPEN, null, null, null, null);
        town.person("resident", null).send("PUT", city.path("/ballot"), withCode(null, city.cityItems().get(0)))
                .expect(200);
        assertTrue(batchRefused(city, null).contains("residents without a home area in this vote's areas"));
        letters(city, town.west, 1);

        // Someone who voted from Oost and then moved their home area to West is reached by both.
        Vote moved = town.vote("approval", When.OPEN, null, null, null, null);
        Person mover = town.person("resident", town.oost);
        mover.send("PUT", moved.path("/ballot"), withCode(null, moved.oostItems().get(0))).expect(200);
        town.jdbi.useHandle(h -> h.createUpdate("UPDATE accounts SET home_area_id = :west WHERE id = :a")
                .bind("west", town.west).bind("a", mover.accountId()).execute());
        batchRefused(moved, town.west);
        batchRefused(moved, town.oost);
        letters(moved, null, 1);

        // Before opening letters are always possible; once closed never.
        letters(town.vote("knapsack", When.UPCOMING, null, null, null, null), town.west, 1);
        Vote closed = town.vote("knapsack", When.CLOSED, null, null, null, null);
        refused(entering, "POST", closed.path("/code-batches"), "{\"areaId\":" + town.west + ",\"size\":1}", 409, "vote");
        assertEquals("0/0", batchRows(closed));
    }

    /**
     * Letters for West made while West's residents vote online: the batch waits for ballots in
     * flight and ballots after it wait for the batch, so either the batch is refused, or every
     * account ballot from West was confirmed with a code. Never a letter and an uncoded ballot.
     */
    @Test
    void lettersMadeWhileResidentsOfTheAreaVoteNeverLeaveAnUncodedBallotBesideThem() throws Exception {
        var outcomes = new java.util.TreeSet<String>();
        for (int round = 0; round < 6; round++) {
            Vote vote = town.vote("approval", When.OPEN, null, null, null, null);
            // In even rounds the batch starts first and the ballots follow while it is written; in odd
            // rounds the ballots start first and the batch a moment later: both orders get tried.
            boolean batchFirst = round % 2 == 0;
            var tasks = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 8; i++) {
                Person west = town.person("resident", town.west);
                long item = vote.westItems().get(i % 2);
                long delay = batchFirst ? 40 + 5 * i : 0;
                tasks.add(() -> {
                    Thread.sleep(delay);
                    return west.send("PUT", vote.path("/ballot"), withCode(null, item)).status();
                });
            }
            int at = 4;
            tasks.add(at, () -> {
                Thread.sleep(batchFirst ? 0 : 10);
                return entering.send("POST", vote.path("/code-batches"), "{\"areaId\":" + town.west + ",\"size\":3000}")
                        .status();
            });
            List<Integer> statuses = Together.run(tasks);
            int batch = statuses.remove(at);
            long uncoded = town.count("SELECT count(*) FROM ballots WHERE vote_id = :v AND channel = 'account' "
                    + "AND code_hash IS NULL", Map.of("v", vote.id()));
            long batches = town.count("SELECT count(*) FROM voting_code_batches WHERE vote_id = :v", Map.of("v", vote.id()));
            if (batch == 201) {
                assertEquals(1, batches);
                assertEquals(0, uncoded, "letters went to West, and no West ballot lacks a code: " + statuses);
                assertTrue(statuses.stream().allMatch(s -> s == 400), "each asked for its letter's code: " + statuses);
                outcomes.add("batch first");
            } else {
                assertEquals(409, batch);
                assertEquals(0, batches, "a refused batch leaves nothing");
                assertEquals(0, town.count("SELECT count(*) FROM voting_codes WHERE vote_id = :v", Map.of("v", vote.id())));
                assertTrue(uncoded > 0, "refused only because someone voted: " + statuses);
                assertTrue(statuses.stream().allMatch(s -> s == 200), statuses.toString());
                outcomes.add("batch refused");
            }
            assertEquals(statuses.stream().filter(s -> s == 200).count(), ballots(vote), statuses.toString());
        }
        System.out.println("Letters racing ballots, outcomes seen: " + outcomes);
    }

    @Test
    void wrongCodesOnTheAccountBallotAreThrottledWithTheCodeBallots() {
        try (var own = TestServer.start()) {
            var fixtures = new BallotFixtures(own.dataSource, own.baseUrl);
            Vote vote = fixtures.vote("knapsack", When.OPEN, null, null, null, null);
            Person west = fixtures.person("resident", fixtures.west);
            for (int i = 0; i < CodeThrottle.WRONG_CODES; i++) {
                west.send("PUT", vote.path("/ballot"), withCode("2222-3333-4444-" + "ABCDEFGHJKLMNPQRSTUV".charAt(i)
                        + "555", vote.cityItems().get(0))).expect(400);
            }
            west.send("PUT", vote.path("/ballot"), withCode("2222-3333-4444-5555", vote.cityItems().get(0))).expect(429);
            Client anyone = own.anonymous();
            var refused = anyone.raw("POST", vote.path("/code-ballots"), "application/json",
                    withCode("2222-3333-4444-5555", vote.cityItems().get(0)).getBytes()).expect(429);
            assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
            // Without a code there is nothing to guess: the ballot is not throttled.
            west.send("PUT", vote.path("/ballot"), withCode(null, vote.cityItems().get(0))).expect(200);
        }
    }
}
