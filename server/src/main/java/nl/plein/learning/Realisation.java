package nl.plein.learning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import nl.plein.analysis.SmallCounts;
import nl.plein.http.Json;
import org.jdbi.v3.core.Jdbi;

/**
 * Realisation and evaluation in a learning report, by the definitions the whole of issue 17 shares:
 * a work is <em>delayed</em> when it is not done or cancelled and today is after its planned end, or
 * it was done after its planned end; <em>on time</em> when done on or before it; <em>over budget</em>
 * when more was spent than budgeted. Evaluations are counts of people: shown under the small-count
 * rule, with a mean rating only from {@link #MIN_FOR_MEAN} evaluations on.
 */
final class Realisation {
    private static final String WORKS = RoundStore.sql("works.sql");
    /** A mean of fewer ratings says more about one person than about the work. */
    static final int MIN_FOR_MEAN = 5;

    enum Timing { ON_TIME, DELAYED, RUNNING, CANCELLED }

    private final Jdbi jdbi;
    private final SmallCounts rule;

    Realisation(Jdbi jdbi, SmallCounts rule) {
        this.jdbi = jdbi;
        this.rule = rule;
    }

    static Timing timing(String status, LocalDate plannedEnd, LocalDate finishedOn, LocalDate today) {
        if (status.equals("cancelled")) {
            return Timing.CANCELLED;
        }
        if (status.equals("done")) {
            return finishedOn.isAfter(plannedEnd) ? Timing.DELAYED : Timing.ON_TIME;
        }
        return today.isAfter(plannedEnd) ? Timing.DELAYED : Timing.RUNNING;
    }

    ObjectNode json(long projectId, LocalDate today) {
        var out = Json.MAPPER.createObjectNode();
        var works = out.putArray("works");
        long[] n = new long[6];
        long[] money = new long[2];
        jdbi.useHandle(h -> h.createQuery(WORKS).bind("project", projectId).map((rs, ctx) -> {
            LocalDate plannedEnd = rs.getObject("planned_end", LocalDate.class);
            LocalDate finishedOn = rs.getObject("finished_on", LocalDate.class);
            String status = rs.getString("status");
            Timing timing = timing(status, plannedEnd, finishedOn, today);
            long budget = rs.getLong("budget");
            long spent = rs.getLong("spent");
            long evaluations = rs.getLong("evaluations");
            double mean = rs.getDouble("mean_rating");
            var work = works.addObject().put("workId", rs.getLong("id")).put("title", rs.getString("title"))
                    .put("status", status).put("plannedEnd", plannedEnd.toString())
                    .put("timing", timing.name().toLowerCase(java.util.Locale.ROOT))
                    .put("budget", budget).put("spent", spent).put("overBudget", spent > budget)
                    .put("evaluations", rule.show(evaluations));
            work.put("finishedOn", finishedOn == null ? null : finishedOn.toString());
            if (evaluations >= MIN_FOR_MEAN) {
                work.put("meanRating", Math.round(mean * 10) / 10.0);
            } else {
                work.putNull("meanRating");
            }
            n[timing.ordinal()]++;
            n[4] += spent > budget ? 1 : 0;
            n[5]++;
            money[0] += budget;
            money[1] += spent;
            return 0;
        }).list());
        var totals = out.putObject("totals");
        totals.put("works", n[5]).put("onTime", n[Timing.ON_TIME.ordinal()])
                .put("delayed", n[Timing.DELAYED.ordinal()]).put("running", n[Timing.RUNNING.ordinal()])
                .put("cancelled", n[Timing.CANCELLED.ordinal()]).put("overBudget", n[4])
                .put("withinBudget", n[5] - n[4]).put("budget", money[0]).put("spent", money[1]);
        out.put("minForMean", MIN_FOR_MEAN);
        return out;
    }
}
