package nl.plein.budgets.ballots;

import static nl.plein.budgets.ballots.BallotFixtures.choices;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import nl.plein.budgets.ballots.BallotFixtures.Person;
import nl.plein.budgets.ballots.BallotFixtures.Vote;
import nl.plein.budgets.ballots.BallotFixtures.When;
import nl.plein.support.Together;

/**
 * The load behind {@code ./plein bench ballots}: {@code voters} residents (half in West, half in
 * Oost), each on a thread and session of their own, released at once, cast a ballot and change it
 * straight away. Checks that every voter has exactly one ballot holding their last choices, and
 * reports the time of each PUT and of the whole burst.
 */
public final class BallotLoad {
    private BallotLoad() {
    }

    public static List<String> run(DataSource dataSource, String baseUrl, int voters) throws Exception {
        var town = new BallotFixtures(dataSource, baseUrl);
        Vote vote = town.vote("approval", When.OPEN, null, null, null, null);
        var people = new ArrayList<Person>();
        for (int i = 0; i < voters; i++) {
            people.add(town.person("resident", i % 2 == 0 ? town.west : town.oost));
        }
        var times = new CopyOnWriteArrayList<Double>();
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < voters; i++) {
            Person person = people.get(i);
            long[][] plan = ConcurrentBallotTest.plan(vote, i, i % 2 == 0);
            tasks.add(() -> {
                int status = 200;
                for (long[] items : plan) {
                    long start = System.nanoTime();
                    int got = person.send("PUT", vote.path("/ballot"), choices(items)).status();
                    times.add((System.nanoTime() - start) / 1e6);
                    status = got == 200 ? status : got;
                }
                return status;
            });
        }
        long start = System.nanoTime();
        var statuses = Together.run(tasks);
        double wall = (System.nanoTime() - start) / 1e6;
        var lines = new ArrayList<String>();
        long refused = statuses.stream().filter(s -> s != 200).count();
        long ballots = town.count("SELECT count(*) FROM ballots WHERE vote_id = :v", Map.of("v", vote.id()));
        int wrong = 0;
        for (int i = 0; i < voters; i++) {
            var expected = ConcurrentBallotTest.expected(ConcurrentBallotTest.plan(vote, i, i % 2 == 0)[1]);
            wrong += expected.equals(town.storedChoices(vote.id(), people.get(i).accountId())) ? 0 : 1;
        }
        lines.add(String.format(Locale.ROOT, "%d voters cast and changed a ballot at once: %d PUTs in %.0f ms "
                + "(%.0f PUTs/s)", voters, 2 * voters, wall, 2 * voters / (wall / 1000)));
        var sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        lines.add(String.format(Locale.ROOT, "PUT time: median %.1f ms, p95 %.1f ms, max %.1f ms",
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                sorted.get(sorted.size() - 1)));
        lines.add(String.format(Locale.ROOT, "ballots stored: %d for %d voters; refused PUTs: %d; voters whose "
                + "stored choices differ from their last PUT: %d", ballots, voters, refused, wrong));
        if (ballots != voters || refused != 0 || wrong != 0) {
            throw new AssertionError(String.join("\n", lines));
        }
        return lines;
    }
}
