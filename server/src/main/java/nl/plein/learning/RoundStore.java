package nl.plein.learning;

import java.util.List;
import java.util.Optional;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Series of rounds and the lessons learned of each round, in PostgreSQL (migration V20); PostgreSQL
 * writes their JSON. Changes to one series' rounds lock the series' row first, so two planners
 * cannot put two projects at one position.
 */
public final class RoundStore {
    private static final String SERIES_CREATE = sql("series-create.sql");
    private static final String SERIES = sql("series.sql");
    private static final String SERIES_LIST = sql("series-list.sql");
    private static final String SERIES_OF_PROJECT = sql("series-of-project.sql");
    private static final String LOCK_SERIES = sql("lock-series.sql");
    private static final String POSITION_TAKEN = sql("position-taken.sql");
    private static final String ROUND_PUT = sql("round-put.sql");
    private static final String ROUND_DELETE = sql("round-delete.sql");
    private static final String ROUNDS_BEFORE = sql("rounds-before.sql");
    private static final String LESSONS = sql("lessons.sql");
    private static final String LESSON = sql("lesson.sql");
    private static final String LESSON_ADD = sql("lesson-add.sql");
    private static final String LESSON_UPDATE = sql("lesson-update.sql");
    private static final String LESSON_DELETE = sql("lesson-delete.sql");

    /** An earlier round of the same series. */
    public record Round(long projectId, String title, String label, int position) {
    }

    private final Jdbi jdbi;

    public RoundStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    static String sql(String name) {
        return Jdbis.sql(RoundStore.class, name);
    }

    /** A new series, as JSON with its (no) rounds. */
    public String createSeries(String name, long accountId) {
        return jdbi.inTransaction(h -> {
            long id = h.createQuery(SERIES_CREATE).bind("name", name).bind("account", accountId)
                    .mapTo(Long.class).one();
            return series(h, id).orElseThrow();
        });
    }

    /** Every series with its rounds, newest first, as {"series": [...]}. */
    public String allSeries() {
        return jdbi.withHandle(h -> h.createQuery(SERIES_LIST).mapTo(String.class).one());
    }

    public String series(long id) {
        return jdbi.withHandle(h -> series(h, id)).orElseThrow(() -> ApiError.notFound("Series " + id));
    }

    private static Optional<String> series(Handle h, long id) {
        return h.createQuery(SERIES).bind("id", id).mapTo(String.class).findOne();
    }

    /** The series a project is a round of, as JSON, if it is one. */
    public Optional<String> seriesOfProject(long projectId) {
        return jdbi.withHandle(h -> h.createQuery(SERIES_OF_PROJECT).bind("project", projectId).mapTo(Long.class)
                .findOne().flatMap(id -> series(h, id)));
    }

    /** Puts a project in a series as a round; a position another project holds is a conflict. */
    public String putRound(long projectId, long seriesId, String label, int position) {
        return jdbi.inTransaction(h -> {
            if (h.createQuery(LOCK_SERIES).bind("series", seriesId).mapTo(Long.class).findOne().isEmpty()) {
                throw ApiError.invalid("seriesId", "no series " + seriesId);
            }
            if (h.createQuery(POSITION_TAKEN).bind("series", seriesId).bind("position", position)
                    .bind("project", projectId).mapTo(Boolean.class).one()) {
                throw ApiError.conflict("position", "another round of series " + seriesId + " is at position "
                        + position);
            }
            h.createUpdate(ROUND_PUT).bind("project", projectId).bind("series", seriesId).bind("label", label)
                    .bind("position", position).execute();
            return series(h, seriesId).orElseThrow();
        });
    }

    /** Takes a project out of its series; false when it was in none. */
    public boolean removeRound(long projectId) {
        return jdbi.withHandle(h -> h.createUpdate(ROUND_DELETE).bind("project", projectId).execute()) > 0;
    }

    /** The rounds before this project in its series, oldest first; none when it is in no series. */
    public List<Round> roundsBefore(long projectId) {
        return jdbi.withHandle(h -> h.createQuery(ROUNDS_BEFORE).bind("project", projectId)
                .map((rs, ctx) -> new Round(rs.getLong("project_id"), rs.getString("title"), rs.getString("label"),
                        rs.getInt("position")))
                .list());
    }

    /** The lessons of a project as a JSON array. */
    public String lessons(long projectId) {
        return jdbi.withHandle(h -> h.createQuery(LESSONS).bind("project", projectId).mapTo(String.class).one());
    }

    public String addLesson(long projectId, String text, long accountId) {
        return jdbi.inTransaction(h -> {
            long id = h.createQuery(LESSON_ADD).bind("project", projectId).bind("text", text)
                    .bind("account", accountId).mapTo(Long.class).one();
            return lesson(h, id).orElseThrow();
        });
    }

    public String updateLesson(long id, String text) {
        return jdbi.inTransaction(h -> {
            if (h.createUpdate(LESSON_UPDATE).bind("id", id).bind("text", text).execute() == 0) {
                throw ApiError.notFound("Lesson " + id);
            }
            return lesson(h, id).orElseThrow();
        });
    }

    public void deleteLesson(long id) {
        if (jdbi.withHandle(h -> h.createUpdate(LESSON_DELETE).bind("id", id).execute()) == 0) {
            throw ApiError.notFound("Lesson " + id);
        }
    }

    private static Optional<String> lesson(Handle h, long id) {
        return h.createQuery(LESSON).bind("id", id).mapTo(String.class).findOne();
    }
}
