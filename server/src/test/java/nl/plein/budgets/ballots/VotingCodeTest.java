package nl.plein.budgets.ballots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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

/** Voting codes: batches handed out once as CSV, kept hashed, each casting one ballot in its area's pots. */
class VotingCodeTest {
    static TestServer server;
    static BallotFixtures town;
    static Person planner;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        town = new BallotFixtures(server.dataSource, server.baseUrl);
        planner = town.person("planner", null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String body(String code, long... items) {
        var out = new StringBuilder("{\"code\":\"" + code + "\",\"choices\":[");
        for (int i = 0; i < items.length; i++) {
            out.append(i > 0 ? "," : "").append("{\"itemId\":").append(items[i]).append('}');
        }
        return out.append("]}").toString();
    }

    /** The CSV's rows after the header, as cells (no cell here needs quoting). */
    static List<String[]> batch(Vote vote, Long area, int size) {
        var response = planner.send("POST", vote.path("/code-batches"),
                "{\"areaId\":" + area + ",\"size\":" + size + "}").expect(201);
        assertTrue(response.header("Content-Type").startsWith("text/csv"), response.header("Content-Type"));
        assertTrue(response.header("Cache-Control").contains("no-store"), response.header("Cache-Control"));
        String[] lines = response.body().split("\r\n");
        assertEquals("code,area_code,area_name,vote,url", lines[0]);
        var rows = new ArrayList<String[]>();
        for (int i = 1; i < lines.length; i++) {
            rows.add(lines[i].split(",", -1));
        }
        return rows;
    }

    @Test
    void aBatchIsHandedOutOnceAsCsvAndOnlyTheHashesOfItsCodesAreKept() throws Exception {
        Vote vote = town.vote("knapsack", When.OPEN, null, null, null, null);
        var rows = batch(vote, town.west, 50);
        assertEquals(50, rows.size());
        var codes = new HashSet<String>();
        for (String[] row : rows) {
            assertTrue(row[0].matches("([23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}-){3}[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}"),
                    row[0]);
            assertEquals(List.of("BU01", "West", "Begroting 2026", server.baseUrl + "/#/votes/" + vote.id()),
                    List.of(row[1], row[2], row[3], row[4]));
            codes.add(row[0]);
        }
        assertEquals(50, codes.size());
        // What the database holds is the SHA-256 of each code without its dashes, and nothing else of it.
        var stored = new HashSet<String>(town.jdbi.withHandle(h -> h.createQuery(
                "SELECT encode(code_hash, 'hex') FROM voting_codes WHERE vote_id = :v").bind("v", vote.id())
                .mapTo(String.class).list()));
        var hashes = new HashSet<String>();
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        for (String code : codes) {
            hashes.add(HexFormat.of().formatHex(sha.digest(code.replace("-", "").getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        }
        assertEquals(hashes, stored);

        var listed = planner.get(vote.path("/code-batches")).expect(200).json().get("batches");
        assertEquals(1, listed.size());
        assertEquals(50, listed.get(0).get("size").asInt());
        assertEquals(0, listed.get(0).get("used").asInt());
        assertEquals(town.west, listed.get(0).get("areaId").asLong());
        assertTrue(!listed.toString().contains(rows.get(0)[0]), "the list never shows a code");

        town.person("resident", town.west).send("POST", vote.path("/code-batches"), "{\"areaId\":null,\"size\":1}")
                .expect(403);
        planner.send("POST", vote.path("/code-batches"), "{\"areaId\":" + town.outside + ",\"size\":1}").expect(400);
        planner.send("POST", vote.path("/code-batches"), "{\"size\":1}").expect(400);
        planner.send("POST", vote.path("/code-batches"), "{\"areaId\":null,\"size\":0}").expect(400);
        Vote closed = town.vote("knapsack", When.CLOSED, null, null, null, null);
        planner.send("POST", closed.path("/code-batches"), "{\"areaId\":null,\"size\":1}").expect(409);
    }

    @Test
    void aCodeCastsOneBallotInItsAreasPotsAndASecondUseIsRefusedNamingTheCode() {
        Vote vote = town.vote("knapsack", When.OPEN, null, null, null, null);
        var rows = batch(vote, town.west, 3);
        Client anyone = server.anonymous();
        String code = rows.get(0)[0];

        String before = town.rows();
        var wrongPot = anyone.raw("POST", vote.path("/code-ballots"), "application/json",
                body(code, vote.oostItems().get(0)).getBytes()).expect(400).json();
        assertEquals("choices[0].itemId", wrongPot.get("errors").get(0).get("field").asText());
        assertEquals(before, town.rows(), "a refused ballot does not use the code");

        var cast = anyone.raw("POST", vote.path("/code-ballots"), "application/json",
                body(code.toLowerCase(Locale.ROOT).replace("-", " "), vote.westItems().get(0), vote.cityItems().get(2))
                        .getBytes()).expect(201).json();
        assertNotNull(cast.get("receipt").asText());
        assertEquals(List.of(vote.cityPot(), vote.westPot()),
                List.of(cast.get("pots").get(0).asLong(), cast.get("pots").get(1).asLong()));
        assertEquals(1, town.count("SELECT count(*) FROM ballots WHERE vote_id = :v AND channel = 'code' "
                + "AND area_id = :a AND account_id IS NULL", Map.of("v", vote.id(), "a", town.west)));

        before = town.rows();
        var again = anyone.raw("POST", vote.path("/code-ballots"), "application/json",
                body(code, vote.westItems().get(1)).getBytes()).expect(409).json();
        assertEquals("code", again.get("errors").get(0).get("field").asText());
        assertEquals(before, town.rows());
        var unknown = anyone.raw("POST", vote.path("/code-ballots"), "application/json",
                body("AAAA-BBBB-CCCC-DDDD", vote.westItems().get(1)).getBytes()).expect(400).json();
        assertEquals("code", unknown.get("errors").get(0).get("field").asText());
        // A code of another vote is no code of this one.
        Vote other = town.vote("knapsack", When.OPEN, null, null, null, null);
        String foreign = batch(other, null, 1).get(0)[0];
        anyone.raw("POST", vote.path("/code-ballots"), "application/json",
                body(foreign, vote.cityItems().get(0)).getBytes()).expect(400);
        assertEquals(1, planner.get(vote.path("/code-batches")).expect(200).json().get("batches").get(0)
                .get("used").asInt());
    }

    @Test
    void tenRequestsRacingWithOneCodeCastOneBallot() throws Exception {
        Vote vote = town.vote("approval", When.OPEN, null, null, null, null);
        String code = batch(vote, null, 1).get(0)[0];
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 10; i++) {
            long item = vote.cityItems().get(i % 3);
            tasks.add(() -> server.anonymous().raw("POST", vote.path("/code-ballots"), "application/json",
                    body(code, item).getBytes()).status());
        }
        var statuses = Together.run(tasks);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, town.count("SELECT count(*) FROM ballots WHERE vote_id = :v", Map.of("v", vote.id())));
        assertEquals(1, town.count("SELECT count(*) FROM ballot_choices c JOIN ballots b ON b.id = c.ballot_id "
                + "WHERE b.vote_id = :v", Map.of("v", vote.id())));
    }

    @Test
    void wrongCodesAreThrottledPerNetworkWithRetryAfter() {
        try (var own = TestServer.start()) {
            var fixtures = new BallotFixtures(own.dataSource, own.baseUrl);
            Vote vote = fixtures.vote("knapsack", When.OPEN, null, null, null, null);
            Client guesser = own.anonymous();
            for (int i = 0; i < CodeThrottle.WRONG_CODES; i++) {
                guesser.raw("POST", vote.path("/code-ballots"), "application/json",
                        body("2222-3333-4444-" + String.format("%04d", 5555 + i).replace('0', 'A').replace('1', 'B'),
                                vote.cityItems().get(0)).getBytes()).expect(400);
            }
            var refused = guesser.raw("POST", vote.path("/code-ballots"), "application/json",
                    body("2222-3333-4444-5555", vote.cityItems().get(0)).getBytes()).expect(429);
            assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
        }
    }
}
