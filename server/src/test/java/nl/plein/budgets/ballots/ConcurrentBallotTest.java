package nl.plein.budgets.ballots;

import static nl.plein.budgets.ballots.BallotFixtures.choices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import nl.plein.budgets.ballots.BallotFixtures.Person;
import nl.plein.budgets.ballots.BallotFixtures.Vote;
import nl.plein.budgets.ballots.BallotFixtures.When;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import nl.plein.support.Together;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Many people casting and changing ballots at once, and one person twice at once: every ballot once. */
class ConcurrentBallotTest {
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

    /** What voter i chooses first and then changes to, among the city's and their area's items. */
    static long[][] plan(Vote vote, int i, boolean west) {
        List<Long> area = west ? vote.westItems() : vote.oostItems();
        long[] first = {vote.cityItems().get(i % 3), area.get(0)};
        long[] last = i % 4 < 2 ? new long[] {vote.cityItems().get((i + 1) % 3)}
                : new long[] {vote.cityItems().get((i + 2) % 3), area.get(area.size() - 1)};
        return new long[][] {first, last};
    }

    static List<String> expected(long[] items) {
        return java.util.Arrays.stream(items).sorted().mapToObj(id -> id + ":1").toList();
    }

    @Test
    void twoHundredVotersCastingAndChangingAtOnceLeaveExactlyOneBallotEachWithTheirLastChoices() throws Exception {
        Vote vote = town.vote("approval", When.OPEN, null, null, null, null);
        var people = new ArrayList<Person>();
        for (int i = 0; i < 200; i++) {
            people.add(town.person("resident", i % 2 == 0 ? town.west : town.oost));
        }
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            long[][] plan = plan(vote, i, i % 2 == 0);
            tasks.add(() -> {
                int first = person.send("PUT", vote.path("/ballot"), choices(plan[0])).status();
                int last = person.send("PUT", vote.path("/ballot"), choices(plan[1])).status();
                return first == 200 && last == 200 ? 200 : Math.max(first, last);
            });
        }
        Together.run(tasks).forEach(status -> assertEquals(200, status));
        assertEquals(200, town.count("SELECT count(*) FROM ballots WHERE vote_id = :v", Map.of("v", vote.id())));
        for (int i = 0; i < people.size(); i++) {
            assertEquals(expected(plan(vote, i, i % 2 == 0)[1]),
                    town.storedChoices(vote.id(), people.get(i).accountId()), "voter " + i);
        }
        assertEquals(100, town.count("SELECT count(*) FROM ballots WHERE vote_id = :v AND area_id = :a",
                Map.of("v", vote.id(), "a", town.west)));
    }

    @Test
    void onePersonChangingTheirBallotTwiceAtOnceKeepsOneBallotWithOneOfTheTwoWhole() throws Exception {
        Vote vote = town.vote("approval", When.OPEN, null, null, null, null);
        var people = new ArrayList<Person>();
        for (int i = 0; i < 20; i++) {
            people.add(town.person("resident", town.west));
        }
        long[] one = {vote.cityItems().get(0), vote.westItems().get(0)};
        long[] other = {vote.cityItems().get(1), vote.cityItems().get(2), vote.westItems().get(1)};
        var tasks = new ArrayList<Callable<Integer>>();
        for (Person person : people) {
            for (int repeat = 0; repeat < 3; repeat++) {
                tasks.add(() -> person.send("PUT", vote.path("/ballot"), choices(one)).status());
                tasks.add(() -> person.send("PUT", vote.path("/ballot"), choices(other)).status());
            }
        }
        Together.run(tasks).forEach(status -> assertEquals(200, status));
        assertEquals(20, town.count("SELECT count(*) FROM ballots WHERE vote_id = :v", Map.of("v", vote.id())));
        for (Person person : people) {
            var stored = town.storedChoices(vote.id(), person.accountId());
            assertTrue(stored.equals(expected(one)) || stored.equals(expected(other)),
                    "one of the two ballots, whole, not a mix: " + stored);
            var own = person.get(vote.path("/ballot")).expect(200).json();
            assertEquals(stored.size(), own.get("choices").size());
        }
    }

    @Test
    void aBallotCastWhileTheVoteIsBeingClosedWaitsForTheClosingAndIsRefused() throws Exception {
        Vote vote = town.vote("approval", When.OPEN, null, null, null, null);
        Person person = town.person("resident", town.west);
        var pool = Executors.newSingleThreadExecutor();
        // Closing as counting does it: the vote's row locked for update, its closing time set to now.
        try (var closing = town.jdbi.open()) {
            closing.begin();
            closing.createQuery("SELECT id FROM votes WHERE id = :v FOR UPDATE").bind("v", vote.id())
                    .mapTo(Long.class).one();
            closing.createUpdate("UPDATE votes SET closes_at = now() WHERE id = :v").bind("v", vote.id()).execute();
            var put = pool.submit(() -> person.send("PUT", vote.path("/ballot"), choices(vote.cityItems().get(0))));
            Thread.sleep(500);
            assertFalse(put.isDone(), "the ballot waits while the vote is being closed");
            closing.commit();
            Client.Response response = put.get(60, TimeUnit.SECONDS);
            assertEquals(409, response.status(), response.body());
            assertEquals("vote", response.json().get("errors").get(0).get("field").asText());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, town.count("SELECT count(*) FROM ballots WHERE vote_id = :v", Map.of("v", vote.id())));
    }
}
