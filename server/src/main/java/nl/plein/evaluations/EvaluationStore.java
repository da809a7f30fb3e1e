package nl.plein.evaluations;

import java.util.List;
import java.util.Optional;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import org.jdbi.v3.core.Jdbi;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBWriter;

/** Residents' evaluations of finished works: one per person and work, changed in place, taken back by deleting. */
public final class EvaluationStore {
    private static final String WORK = Jdbis.sql(EvaluationStore.class, "work.sql");
    private static final String PUT = Jdbis.sql(EvaluationStore.class, "put.sql");
    private static final String OWN = Jdbis.sql(EvaluationStore.class, "own.sql");
    private static final String WITHDRAW = Jdbis.sql(EvaluationStore.class, "withdraw.sql");
    private static final String TEXTS = Jdbis.sql(EvaluationStore.class, "texts.sql");

    /** What evaluating a work needs to know about it. */
    public record Work(long id, long projectId, String status) {
        public boolean done() {
            return "done".equals(status);
        }
    }

    /** An evaluation as its author sends it; {@code pin} and {@code pinUsed} are both present or both empty. */
    public record Draft(int rating, String worksWell, String notWorking, Optional<Point> pin, Optional<Boolean> pinUsed) {
    }

    private final Jdbi jdbi;

    public EvaluationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The work, or a 404. */
    public Work work(long id) {
        return jdbi.withHandle(h -> h.createQuery(WORK).bind("id", id)
                .map((rs, ctx) -> new Work(rs.getLong(1), rs.getLong(2), rs.getString(3))).findOne())
                .orElseThrow(() -> ApiError.notFound("Work " + id));
    }

    /** Writes or replaces the author's evaluation of the work, and returns it as JSON. */
    public String put(long workId, long authorId, Draft draft) {
        return jdbi.inTransaction(h -> {
            h.createQuery(PUT)
                    .bind("work", workId)
                    .bind("author", authorId)
                    .bind("rating", draft.rating())
                    .bind("worksWell", draft.worksWell())
                    .bind("notWorking", draft.notWorking())
                    .bind("pin", draft.pin().map(p -> new WKBWriter().write(p)).orElse(null))
                    .bindByType("pinUsed", draft.pinUsed().orElse(null), Boolean.class)
                    .mapTo(Long.class).one();
            return h.createQuery(OWN).bind("work", workId).bind("author", authorId).mapTo(String.class).one();
        });
    }

    /** The author's own evaluation of the work as JSON, hidden or not. */
    public Optional<String> own(long workId, long authorId) {
        return jdbi.withHandle(h -> h.createQuery(OWN).bind("work", workId).bind("author", authorId)
                .mapTo(String.class).findOne());
    }

    /** Takes the author's evaluation back; nothing happens when there is none. */
    public void withdraw(long workId, long authorId) {
        jdbi.useTransaction(h -> h.createUpdate(WITHDRAW).bind("work", workId).bind("author", authorId).execute());
    }

    /** What people wrote about the work, as JSON objects: those everyone may see, or all of them for staff. */
    public List<String> texts(long workId, boolean staff) {
        return jdbi.withHandle(h -> h.createQuery(TEXTS).bind("work", workId).bind("staff", staff)
                .mapTo(String.class).list());
    }
}
