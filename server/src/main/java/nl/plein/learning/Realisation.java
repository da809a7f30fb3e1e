package nl.plein.learning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import nl.plein.analysis.SmallCounts;
import nl.plein.evaluations.EvaluationFigures;
import nl.plein.evaluations.Evaluations;
import nl.plein.http.Json;
import nl.plein.works.WorkRealisation;
import nl.plein.works.WorkStore;

/**
 * Realisation and evaluation in a learning report. Whether a work is delayed, on time or over budget
 * is the works' own definition ({@link WorkStore#realisation}); a work neither done, cancelled nor
 * delayed is running. Evaluations are the public figures of {@link Evaluations} (server/METHODS.md
 * §13): counts under the small-count rule, the mean only from the threshold on.
 */
final class Realisation {
    enum Timing { ON_TIME, DELAYED, RUNNING, CANCELLED }

    private final WorkStore works;
    private final Evaluations evaluations;
    private final SmallCounts rule;

    Realisation(WorkStore works, Evaluations evaluations, SmallCounts rule) {
        this.works = works;
        this.evaluations = evaluations;
        this.rule = rule;
    }

    static Timing timing(WorkRealisation work) {
        if (work.cancelled()) {
            return Timing.CANCELLED;
        }
        if (work.delayed()) {
            return Timing.DELAYED;
        }
        return work.onTime() ? Timing.ON_TIME : Timing.RUNNING;
    }

    ObjectNode json(long projectId) {
        Map<Long, EvaluationFigures.Work> evaluated = new HashMap<>();
        EvaluationFigures figures = evaluations.figures(projectId, false);
        figures.works().forEach(w -> evaluated.put(w.workId(), w));
        var out = Json.MAPPER.createObjectNode();
        var list = out.putArray("works");
        long[] n = new long[Timing.values().length];
        long overBudget = 0;
        long budget = 0;
        long spent = 0;
        var all = works.realisation(projectId);
        for (WorkRealisation w : all) {
            Timing timing = timing(w);
            var work = list.addObject().put("workId", w.id()).put("title", w.title()).put("status", w.status())
                    .put("plannedEnd", w.plannedEnd().toString())
                    .put("timing", timing.name().toLowerCase(java.util.Locale.ROOT))
                    .put("budget", w.budget()).put("spent", w.spent()).put("overBudget", w.overBudget());
            var e = evaluated.get(w.id());
            work.putPOJO("evaluations", e == null ? rule.show(0) : e.evaluations());
            work.put("finishedOn", w.finishedOn() == null ? null : w.finishedOn().toString());
            if (e != null && e.meanRating() != null) {
                work.put("meanRating", e.meanRating());
            } else {
                work.putNull("meanRating");
            }
            n[timing.ordinal()]++;
            overBudget += w.overBudget() ? 1 : 0;
            budget += w.budget();
            spent += w.spent();
        }
        out.putObject("totals").put("works", all.size()).put("onTime", n[Timing.ON_TIME.ordinal()])
                .put("delayed", n[Timing.DELAYED.ordinal()]).put("running", n[Timing.RUNNING.ordinal()])
                .put("cancelled", n[Timing.CANCELLED.ordinal()]).put("overBudget", overBudget)
                .put("withinBudget", all.size() - overBudget).put("budget", budget).put("spent", spent);
        out.put("minForMean", figures.threshold());
        return out;
    }
}
