package nl.plein.bench;

import java.util.Locale;
import nl.plein.analysis.SmallCounts;
import nl.plein.budgets.results.MoneyMap;
import nl.plein.budgets.results.Results;
import nl.plein.budgets.rules.Rule;
import nl.plein.budgets.rules.Rules;
import nl.plein.db.Jdbis;

/**
 * Closing a budget vote with 100,000 ballots (or the number given): a city-wide pot and one pot per
 * area of 20 areas, 30 city items and 10 per area; every ballot chooses up to 4 city items and up
 * to 3 of its home area's, popular items more often. Generated in SQL, then timed: closing
 * (reading every pot's ballots, both rules on every pot, keeping the results) and the where-the-
 * money-goes figures. The target is under 5 s for both together. Not a test: run it with
 * {@code ./plein bench close [ballots]}.
 */
public final class VoteCloseBenchmark {
    private static final int AREAS = 20;

    private VoteCloseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int ballots = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        BenchDatabase.run(4, dataSource -> {
            var jdbi = Jdbis.create(dataSource);
            long started = System.nanoTime();
            long voteId = jdbi.inTransaction(h -> {
                long project = h.createQuery("INSERT INTO projects (title, area) VALUES ('Close bench', ST_Multi("
                        + "ST_MakeEnvelope(5.50, 52.50, 5.60, 52.51, 4326))) RETURNING id").mapTo(Long.class).one();
                long set = h.createQuery("INSERT INTO area_sets (name) VALUES ('Bench areas') RETURNING id")
                        .mapTo(Long.class).one();
                h.createUpdate("INSERT INTO areas (area_set_id, code, name, population, geom) "
                        + "SELECT :set, 'A' || g, 'Area ' || g, 1000 + 100 * g, "
                        + "ST_Multi(ST_MakeEnvelope(5.50 + (g - 1) * 0.005, 52.50, 5.50 + g * 0.005, 52.51, 4326)) "
                        + "FROM generate_series(1, :n) g").bind("set", set).bind("n", AREAS).execute();
                long vote = h.createQuery("INSERT INTO votes (project_id, title, ballot_type, rule, area_set_id, "
                        + "opens_at, closes_at) VALUES (:project, 'Bench vote', 'approval', 'equal_shares', :set, "
                        + "now() - interval '1 day', now() + interval '1 day') RETURNING id")
                        .bind("project", project).bind("set", set).mapTo(Long.class).one();
                h.createUpdate("INSERT INTO vote_pots (vote_id, area_id, name, budget) VALUES (:vote, NULL, 'City', 300000)")
                        .bind("vote", vote).execute();
                h.createUpdate("INSERT INTO vote_pots (vote_id, area_id, name, budget) "
                        + "SELECT :vote, a.id, a.name, 60000 FROM areas a WHERE a.area_set_id = :set")
                        .bind("vote", vote).bind("set", set).execute();
                h.createUpdate("INSERT INTO ballot_items (vote_id, pot_id, title, cost, reason, geom) "
                        + "SELECT :vote, p.id, p.name || ' item ' || k, 5000 + (k * 7919 + p.id * 104729) % 45000, 'ok', "
                        + "ST_SetSRID(ST_MakePoint(5.5005 + random() * 0.099, 52.5005 + random() * 0.009), 4326) "
                        + "FROM vote_pots p, generate_series(1, CASE WHEN p.area_id IS NULL THEN 30 ELSE 10 END) k "
                        + "WHERE p.vote_id = :vote").bind("vote", vote).execute();
                h.createUpdate("INSERT INTO ballots (vote_id, channel, area_id, receipt) "
                        + "SELECT :vote, 'paper', (SELECT min(id) FROM areas WHERE area_set_id = :set) + g % :areas, "
                        + "'bench-' || g FROM generate_series(1, :ballots) g")
                        .bind("vote", vote).bind("set", set).bind("areas", AREAS).bind("ballots", ballots).execute();
                h.createUpdate("WITH city AS (SELECT array_agg(i.id ORDER BY i.id) AS ids FROM ballot_items i "
                        + "JOIN vote_pots p ON p.id = i.pot_id WHERE p.vote_id = :vote AND p.area_id IS NULL) "
                        + "INSERT INTO ballot_choices (ballot_id, item_id) "
                        + "SELECT DISTINCT b.id, city.ids[1 + floor(power(random(), 2) * 30)::int] "
                        + "FROM ballots b, city, generate_series(1, 4) k WHERE b.vote_id = :vote")
                        .bind("vote", vote).execute();
                h.createUpdate("WITH local AS (SELECT p.area_id, array_agg(i.id ORDER BY i.id) AS ids FROM ballot_items i "
                        + "JOIN vote_pots p ON p.id = i.pot_id WHERE p.vote_id = :vote AND p.area_id IS NOT NULL "
                        + "GROUP BY p.area_id) INSERT INTO ballot_choices (ballot_id, item_id) "
                        + "SELECT DISTINCT b.id, l.ids[1 + floor(power(random(), 2) * 10)::int] "
                        + "FROM ballots b JOIN local l ON l.area_id = b.area_id, generate_series(1, 3) k "
                        + "WHERE b.vote_id = :vote").bind("vote", vote).execute();
                return vote;
            });
            jdbi.useHandle(h -> h.execute("ANALYZE"));
            long choices = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM ballot_choices").mapTo(Long.class).one());
            System.out.printf(Locale.ROOT, "generated %,d ballots with %,d choices in %.1f s%n", ballots, choices,
                    (System.nanoTime() - started) / 1e9);

            var results = new Results(jdbi);
            long t0 = System.nanoTime();
            results.close(voteId);
            long t1 = System.nanoTime();
            var money = new MoneyMap(jdbi, new SmallCounts(SmallCounts.DEFAULT_THRESHOLD));
            var facts = results.counted(voteId);
            var figures = money.compute(facts, null);
            money.json(figures, false);
            long t2 = System.nanoTime();
            long kept = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM vote_results WHERE vote_id = :v")
                    .bind("v", voteId).mapTo(Long.class).one());
            System.out.printf(Locale.ROOT, "close (count %d pots, both rules, keep %d rows): %.0f ms%n", AREAS + 1, kept,
                    (t1 - t0) / 1e6);
            System.out.printf(Locale.ROOT, "money figures (%d areas, Gini %.3f): %.0f ms%n", figures.areas().size(),
                    figures.gini() == null ? Double.NaN : figures.gini(), (t2 - t1) / 1e6);
            System.out.printf(Locale.ROOT, "total %.0f ms (target under 5000 ms)%n", (t2 - t0) / 1e6);
            // Counted once more in a warm JVM (as a running server counts): the kept results are removed first.
            jdbi.useTransaction(h -> {
                h.createUpdate("DELETE FROM vote_results WHERE vote_id = :v").bind("v", voteId).execute();
                h.createUpdate("UPDATE votes SET counted_at = NULL WHERE id = :v").bind("v", voteId).execute();
            });
            long w0 = System.nanoTime();
            results.count(voteId);
            System.out.printf(Locale.ROOT, "count again, warm JVM: %.0f ms%n", (System.nanoTime() - w0) / 1e6);
            // Where closing spends its time: reading the pots' ballots, and each rule over all pots.
            long r0 = System.nanoTime();
            var elections = jdbi.inTransaction(h -> Results.elections(h, voteId));
            long r1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "  of which reading %d pots' ballots: %.0f ms%n", elections.size(), (r1 - r0) / 1e6);
            for (Rule rule : Rule.values()) {
                long s0 = System.nanoTime();
                elections.values().forEach(e -> Rules.run(rule, e));
                System.out.printf(Locale.ROOT, "  of which %s on every pot: %.0f ms%n", rule, (System.nanoTime() - s0) / 1e6);
            }
        });
    }
}
