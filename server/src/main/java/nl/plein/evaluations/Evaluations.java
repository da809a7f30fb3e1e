package nl.plein.evaluations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import nl.plein.analysis.SmallCounts;
import nl.plein.db.Jdbis;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The figures of evaluations (server/METHODS.md §13), for the public pages, planners and the
 * learning report: per work, how many evaluated it, how many gave each rating, the mean rating
 * when at least the small-count threshold did, and the pins. Hidden evaluations do not count.
 */
public final class Evaluations {
    private static final String TALLIES = Jdbis.sql(Evaluations.class, "tallies.sql");
    private static final String PINS = Jdbis.sql(Evaluations.class, "pins.sql");

    /** Which works tallies.sql reads, put where it says {@code <which>}. */
    private enum Which {
        ONE("w.id = :work"),
        OF_PROJECT("w.project_id = :project AND (w.status = 'done'"
                + " OR EXISTS (SELECT 1 FROM evaluations x WHERE x.work_id = w.id))");

        final String condition;

        Which(String condition) {
            this.condition = condition;
        }
    }

    private record Tally(long workId, String title, String status, LocalDate finishedOn, long n, long[] ratings,
                         double mean, long pins) {
    }

    private final Jdbi jdbi;
    private final SmallCounts rule;

    public Evaluations(Jdbi jdbi, SmallCounts rule) {
        this.jdbi = jdbi;
        this.rule = rule;
    }

    /** The figures of every work of the project that is done or was evaluated: raw for planners, else public. */
    public EvaluationFigures figures(long projectId, boolean raw) {
        return jdbi.inTransaction(h -> figures(h, projectId, Which.OF_PROJECT, projectId, raw));
    }

    /** The figures of one work of project {@code projectId}, and its pins as far as they may be shown. */
    public EvaluationFigures figuresOfWork(long projectId, long workId, boolean raw) {
        return jdbi.inTransaction(h -> figures(h, projectId, Which.ONE, workId, raw));
    }

    private EvaluationFigures figures(Handle h, long projectId, Which which, long id, boolean raw) {
        var tallies = h.createQuery(TALLIES).define("which", which.condition)
                .bind(which == Which.ONE ? "work" : "project", id)
                .map(Evaluations::tally).list();
        var works = new ArrayList<EvaluationFigures.Work>();
        var pinned = new ArrayList<Long>();
        for (Tally t : tallies) {
            boolean pinsShown = t.pins() > 0 && (raw || t.n() >= rule.threshold());
            if (pinsShown) {
                pinned.add(t.workId());
            }
            works.add(work(t, raw, pinsShown));
        }
        String pins = h.createQuery(PINS).bindArray("works", Long.class, pinned).mapTo(String.class).one();
        return new EvaluationFigures(projectId, raw, rule.threshold(), works, pins, method(raw));
    }

    private EvaluationFigures.Work work(Tally t, boolean raw, boolean pinsShown) {
        var ratings = new LinkedHashMap<String, Object>();
        var cells = new ArrayList<Long>();
        for (long r : t.ratings()) {
            cells.add(r);
        }
        var hidden = rule.hide(cells, t.n());
        for (int r = 0; r < 5; r++) {
            ratings.put(Integer.toString(r + 1), raw ? (Object) cells.get(r) : rule.show(cells.get(r), hidden.get(r)));
        }
        Double mean = null;
        String withheld = null;
        if (t.n() == 0) {
            withheld = "no evaluations yet";
        } else if (raw || t.n() >= rule.threshold()) {
            mean = Math.round(t.mean() * 100) / 100.0;
        } else {
            withheld = "fewer than " + rule.threshold() + " evaluations";
        }
        return new EvaluationFigures.Work(t.workId(), t.title(), t.status(), t.finishedOn(),
                raw ? (Object) t.n() : rule.show(t.n()), ratings, mean, withheld, pinsShown);
    }

    private String method(boolean raw) {
        String method = "Evaluations of finished works: one per person, hidden ones left out; the mean rating"
                + " (1 poor to 5 very good) is shown from " + rule.threshold() + " evaluations on, and the pins"
                + " of a work from " + rule.threshold() + " evaluations on (server/METHODS.md §13).";
        return raw ? method + " Raw counts: for planners only." : method + " " + rule.describe();
    }

    private static Tally tally(ResultSet rs, StatementContext ctx) throws SQLException {
        long[] ratings = new long[5];
        for (int r = 0; r < 5; r++) {
            ratings[r] = rs.getLong("r" + (r + 1));
        }
        return new Tally(rs.getLong("id"), rs.getString("title"), rs.getString("status"),
                rs.getObject("finished_on", LocalDate.class), rs.getLong("n"), ratings, rs.getDouble("mean"),
                rs.getLong("pins"));
    }
}
