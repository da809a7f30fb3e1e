package nl.plein.presentations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.plein.accounts.Viewer;
import nl.plein.db.Sql;
import nl.plein.http.ApiError;
import nl.plein.proposals.Visibility;

/**
 * Presentations and their slides in PostgreSQL; PostgreSQL writes their JSON. Every change to a
 * presentation's slides first locks the presentation's row, so that two planners appending,
 * deleting or reordering at once are served one after the other and positions stay 1..n.
 */
public final class PresentationStore {
    private static final String PRESENTATION = Sql.load(PresentationStore.class, "presentation.sql");
    private static final String PRESENTATIONS = Sql.load(PresentationStore.class, "presentations.sql");
    private static final String SLIDE = Sql.load(PresentationStore.class, "slide.sql");
    private static final String REORDER = Sql.load(PresentationStore.class, "reorder.sql");

    /** A presentation rarely needs more; the limit keeps one request's answer small. */
    public static final int MAX_SLIDES = 100;

    private final DataSource dataSource;

    public PresentationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Where a slide belongs. */
    public record SlideFacts(long presentationId, long projectId) {
    }

    /** The project's presentations as a JSON object {@code {"presentations": [...]}}. */
    public String list(long projectId) {
        List<String> items = Sql.read(dataSource, c -> Sql.list(c, PRESENTATIONS, rs -> rs.getString(1), projectId));
        return "{\"presentations\":[" + String.join(",", items) + "]}";
    }

    public Optional<String> presentation(long id) {
        return Sql.read(dataSource, c -> presentation(c, id));
    }

    /** The presentation with its slides in order, as JSON, read on the caller's connection (e.g. a meeting's close). */
    public static Optional<String> presentation(Connection c, long id) throws SQLException {
        return Sql.one(c, PRESENTATION, rs -> rs.getString(1), id);
    }

    /** The project a presentation belongs to; a missing presentation is a 404. */
    public long projectOf(long presentationId) {
        return Sql.read(dataSource, c -> Sql.one(c, "SELECT project_id FROM presentations WHERE id = ?",
                rs -> rs.getLong(1), presentationId)).orElseThrow(() -> notFound(presentationId));
    }

    public SlideFacts slideFacts(long slideId) {
        return Sql.read(dataSource, c -> Sql.one(c, """
                SELECT s.presentation_id, p.project_id
                  FROM slides s JOIN presentations p ON p.id = s.presentation_id
                 WHERE s.id = ?""", rs -> new SlideFacts(rs.getLong(1), rs.getLong(2)), slideId))
                .orElseThrow(() -> ApiError.notFound("Slide " + slideId));
    }

    public String create(long projectId, String title, long accountId) {
        return Sql.transaction(dataSource, c -> {
            long id = Sql.one(c, "INSERT INTO presentations (project_id, title, created_by) VALUES (?, ?, ?) RETURNING id",
                    rs -> rs.getLong(1), projectId, title, accountId).orElseThrow();
            return presentation(c, id).orElseThrow();
        });
    }

    public String rename(long id, String title) {
        return Sql.transaction(dataSource, c -> {
            if (Sql.update(c, "UPDATE presentations SET title = ?, updated_at = now() WHERE id = ?", title, id) == 0) {
                throw notFound(id);
            }
            return presentation(c, id).orElseThrow();
        });
    }

    /** Deletes a presentation; its slides go with it (ON DELETE CASCADE). */
    public void delete(long id) {
        Sql.transaction(dataSource, c -> {
            if (Sql.update(c, "DELETE FROM presentations WHERE id = ?", id) == 0) {
                throw notFound(id);
            }
            return null;
        });
    }

    /** Appends a slide at the end and returns it. */
    public String addSlide(long presentationId, String title, String text, MapView view) {
        return Sql.transaction(dataSource, c -> {
            lock(c, presentationId);
            int count = Sql.one(c, "SELECT count(*) FROM slides WHERE presentation_id = ?",
                    rs -> rs.getInt(1), presentationId).orElseThrow();
            if (count >= MAX_SLIDES) {
                throw ApiError.conflict("slides", "a presentation has at most " + MAX_SLIDES + " slides");
            }
            long id = Sql.one(c, """
                    INSERT INTO slides (presentation_id, position, title, text, view)
                    VALUES (?, ?, ?, ?, ?::jsonb) RETURNING id""",
                    rs -> rs.getLong(1), presentationId, count + 1, title, text, view.toJson().toString())
                    .orElseThrow();
            touch(c, presentationId);
            return slide(c, id);
        });
    }

    /** Changes what is given of a slide's title, text and view; absent parts stay as they are. */
    public String updateSlide(long slideId, Optional<String> title, Optional<String> text, Optional<MapView> view) {
        return Sql.transaction(dataSource, c -> {
            Sql.update(c, """
                    UPDATE slides SET title = coalesce(?, title), text = coalesce(?, text),
                           view = coalesce(?::jsonb, view), updated_at = now()
                     WHERE id = ?""", title, text, view.map(v -> v.toJson().toString()), slideId);
            long presentationId = Sql.one(c, "SELECT presentation_id FROM slides WHERE id = ?",
                    rs -> rs.getLong(1), slideId).orElseThrow(() -> ApiError.notFound("Slide " + slideId));
            touch(c, presentationId);
            return slide(c, slideId);
        });
    }

    /** Deletes a slide and closes the gap it leaves, so positions stay 1..n. */
    public void deleteSlide(long slideId, long presentationId) {
        Sql.transaction(dataSource, c -> {
            lock(c, presentationId);
            int position = Sql.one(c, "DELETE FROM slides WHERE id = ? AND presentation_id = ? RETURNING position",
                    rs -> rs.getInt(1), slideId, presentationId)
                    .orElseThrow(() -> ApiError.notFound("Slide " + slideId));
            Sql.update(c, "UPDATE slides SET position = position - 1 WHERE presentation_id = ? AND position > ?",
                    presentationId, position);
            touch(c, presentationId);
            return null;
        });
    }

    /**
     * Puts the slides in the given order. The ids must be exactly the presentation's slides, as
     * they are when the lock is held: a list made before someone else added or deleted a slide is
     * refused (409) and nothing changes.
     */
    public String reorder(long presentationId, List<Long> slideIds) {
        return Sql.transaction(dataSource, c -> {
            lock(c, presentationId);
            var current = new HashSet<>(Sql.list(c, "SELECT id FROM slides WHERE presentation_id = ?",
                    rs -> rs.getLong(1), presentationId));
            if (!current.equals(new HashSet<>(slideIds)) || current.size() != slideIds.size()) {
                var unknown = new ArrayList<>(slideIds);
                unknown.removeAll(current);
                var missing = new ArrayList<>(current);
                missing.removeAll(slideIds);
                throw ApiError.conflict("slideIds", "must list exactly this presentation's " + current.size()
                        + " slides" + (unknown.isEmpty() ? "" : "; not in it: " + unknown)
                        + (missing.isEmpty() ? "" : "; missing: " + missing));
            }
            Sql.update(c, REORDER, c.createArrayOf("bigint", slideIds.toArray()), presentationId);
            touch(c, presentationId);
            return presentation(c, presentationId).orElseThrow();
        });
    }

    /**
     * Refuses a view that names what is not there: chosen proposals must be proposals of the
     * project that anyone may see (slides are shown in public: not submitted, hidden or withdrawn),
     * and the boundary set of the choropleth must exist. Fields are named under {@code prefix}.
     */
    public void requireReferences(long projectId, MapView view, String prefix) {
        Sql.read(dataSource, c -> {
            if (view.chosen().isPresent()) {
                List<Long> ids = view.chosen().get().proposalIds();
                Object[] anyone = Visibility.params(Viewer.ANONYMOUS);
                var found = new HashSet<>(Sql.list(c, "SELECT p.id FROM proposals p WHERE p.project_id = ? "
                                + "AND p.id = ANY(?) AND " + Visibility.PROPOSAL, rs -> rs.getLong(1),
                        projectId, c.createArrayOf("bigint", ids.toArray()), anyone[0], anyone[1]));
                for (int i = 0; i < ids.size(); i++) {
                    if (!found.contains(ids.get(i))) {
                        throw ApiError.invalid(prefix + ".layers.chosen.proposalIds[" + i + "]", "proposal "
                                + ids.get(i) + " is not a proposal of this project that anyone may see");
                    }
                }
            }
            if (view.participation().isPresent()) {
                long set = view.participation().get().set();
                if (Sql.one(c, "SELECT 1 FROM area_sets WHERE id = ?", rs -> 1, set).isEmpty()) {
                    throw ApiError.invalid(prefix + ".layers.participation.set", "boundary set " + set
                            + " does not exist");
                }
            }
            return null;
        });
    }

    private static void lock(Connection c, long presentationId) throws SQLException {
        if (Sql.one(c, "SELECT 1 FROM presentations WHERE id = ? FOR UPDATE", rs -> 1, presentationId).isEmpty()) {
            throw notFound(presentationId);
        }
    }

    private static void touch(Connection c, long presentationId) throws SQLException {
        Sql.update(c, "UPDATE presentations SET updated_at = now() WHERE id = ?", presentationId);
    }

    private static String slide(Connection c, long id) throws SQLException {
        return Sql.one(c, SLIDE, rs -> rs.getString(1), id).orElseThrow(() -> ApiError.notFound("Slide " + id));
    }

    private static ApiError notFound(long id) {
        return ApiError.notFound("Presentation " + id);
    }
}
