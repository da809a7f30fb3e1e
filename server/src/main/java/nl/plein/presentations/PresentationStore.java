package nl.plein.presentations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import nl.plein.accounts.Viewer;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.proposals.Visibility;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Presentations and their slides in PostgreSQL; PostgreSQL writes their JSON. Every change to a
 * presentation's slides first locks the presentation's row, so that two planners appending,
 * deleting or reordering at once are served one after the other and positions stay 1..n.
 */
public final class PresentationStore {
    private static final String PRESENTATION = sql("presentation.sql");
    private static final String PRESENTATIONS = sql("presentations.sql");
    private static final String SLIDE = sql("slide.sql");
    private static final String REORDER = sql("reorder.sql");
    private static final String PROJECT_OF = sql("project-of.sql");
    private static final String SLIDE_FACTS = sql("slide-facts.sql");
    private static final String CREATE = sql("create.sql");
    private static final String RENAME = sql("rename.sql");
    private static final String DELETE = sql("delete.sql");
    private static final String SLIDE_COUNT = sql("slide-count.sql");
    private static final String ADD_SLIDE = sql("add-slide.sql");
    private static final String UPDATE_SLIDE = sql("update-slide.sql");
    private static final String DELETE_SLIDE = sql("delete-slide.sql");
    private static final String CLOSE_GAP = sql("close-gap.sql");
    private static final String SLIDE_IDS = sql("slide-ids.sql");
    private static final String VISIBLE_CHOSEN = sql("visible-chosen.sql");
    private static final String AREA_SET_EXISTS = sql("area-set-exists.sql");
    private static final String VOTE_OF_PROJECT = sql("vote-of-project.sql");
    private static final String LOCK = sql("lock.sql");
    private static final String TOUCH = sql("touch.sql");

    /** A presentation rarely needs more; the limit keeps one request's answer small. */
    public static final int MAX_SLIDES = 100;

    private final Jdbi jdbi;

    public PresentationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static String sql(String name) {
        return Jdbis.sql(PresentationStore.class, name);
    }

    /** Where a slide belongs. */
    public record SlideFacts(long presentationId, long projectId) {
    }

    /** The project's presentations as a JSON object {@code {"presentations": [...]}}. */
    public String list(long projectId) {
        List<String> items = jdbi.withHandle(h -> h.createQuery(PRESENTATIONS).bind("project", projectId)
                .mapTo(String.class).list());
        return "{\"presentations\":[" + String.join(",", items) + "]}";
    }

    public Optional<String> presentation(long id) {
        return jdbi.withHandle(h -> presentation(h, id));
    }

    /** The presentation with its slides in order, as JSON, read on the caller's handle (e.g. a meeting's close). */
    public static Optional<String> presentation(Handle h, long id) {
        return h.createQuery(PRESENTATION).bind("id", id).mapTo(String.class).findOne();
    }

    /** The project a presentation belongs to; a missing presentation is a 404. */
    public long projectOf(long presentationId) {
        return jdbi.withHandle(h -> h.createQuery(PROJECT_OF).bind("id", presentationId).mapTo(Long.class)
                .findOne()).orElseThrow(() -> notFound(presentationId));
    }

    public SlideFacts slideFacts(long slideId) {
        return jdbi.withHandle(h -> h.createQuery(SLIDE_FACTS).bind("id", slideId)
                .map((rs, ctx) -> new SlideFacts(rs.getLong(1), rs.getLong(2))).findOne())
                .orElseThrow(() -> ApiError.notFound("Slide " + slideId));
    }

    public String create(long projectId, String title, long accountId) {
        return jdbi.inTransaction(h -> {
            long id = h.createQuery(CREATE).bind("project", projectId).bind("title", title)
                    .bind("account", accountId).mapTo(Long.class).one();
            return presentation(h, id).orElseThrow();
        });
    }

    public String rename(long id, String title) {
        return jdbi.inTransaction(h -> {
            if (h.createUpdate(RENAME).bind("title", title).bind("id", id).execute() == 0) {
                throw notFound(id);
            }
            return presentation(h, id).orElseThrow();
        });
    }

    /** Deletes a presentation; its slides go with it (ON DELETE CASCADE). */
    public void delete(long id) {
        jdbi.useTransaction(h -> {
            if (h.createUpdate(DELETE).bind("id", id).execute() == 0) {
                throw notFound(id);
            }
        });
    }

    /** Appends a slide at the end and returns it. */
    public String addSlide(long presentationId, String title, String text, MapView view) {
        return jdbi.inTransaction(h -> {
            lock(h, presentationId);
            int count = h.createQuery(SLIDE_COUNT).bind("presentation", presentationId).mapTo(Integer.class).one();
            if (count >= MAX_SLIDES) {
                throw ApiError.conflict("slides", "a presentation has at most " + MAX_SLIDES + " slides");
            }
            long id = h.createQuery(ADD_SLIDE).bind("presentation", presentationId).bind("position", count + 1)
                    .bind("title", title).bind("text", text).bind("view", view.toJson().toString())
                    .mapTo(Long.class).one();
            touch(h, presentationId);
            return slide(h, id);
        });
    }

    /** Changes what is given of a slide's title, text and view; absent parts stay as they are. */
    public String updateSlide(long slideId, Optional<String> title, Optional<String> text, Optional<MapView> view) {
        return jdbi.inTransaction(h -> {
            long presentationId = h.createQuery(UPDATE_SLIDE).bind("title", title.orElse(null))
                    .bind("text", text.orElse(null)).bind("view", view.map(v -> v.toJson().toString()).orElse(null))
                    .bind("id", slideId).mapTo(Long.class).findOne()
                    .orElseThrow(() -> ApiError.notFound("Slide " + slideId));
            touch(h, presentationId);
            return slide(h, slideId);
        });
    }

    /** Deletes a slide and closes the gap it leaves, so positions stay 1..n. */
    public void deleteSlide(long slideId, long presentationId) {
        jdbi.useTransaction(h -> {
            lock(h, presentationId);
            int position = h.createQuery(DELETE_SLIDE).bind("id", slideId).bind("presentation", presentationId)
                    .mapTo(Integer.class).findOne().orElseThrow(() -> ApiError.notFound("Slide " + slideId));
            h.createUpdate(CLOSE_GAP).bind("presentation", presentationId).bind("position", position).execute();
            touch(h, presentationId);
        });
    }

    /**
     * Puts the slides in the given order. The ids must be exactly the presentation's slides, as
     * they are when the lock is held: a list made before someone else added or deleted a slide is
     * refused (409) and nothing changes.
     */
    public String reorder(long presentationId, List<Long> slideIds) {
        return jdbi.inTransaction(h -> {
            lock(h, presentationId);
            var current = new HashSet<>(h.createQuery(SLIDE_IDS).bind("presentation", presentationId)
                    .mapTo(Long.class).list());
            if (!current.equals(new HashSet<>(slideIds)) || current.size() != slideIds.size()) {
                var unknown = new ArrayList<>(slideIds);
                unknown.removeAll(current);
                var missing = new ArrayList<>(current);
                missing.removeAll(slideIds);
                throw ApiError.conflict("slideIds", "must list exactly this presentation's " + current.size()
                        + " slides" + (unknown.isEmpty() ? "" : "; not in it: " + unknown)
                        + (missing.isEmpty() ? "" : "; missing: " + missing));
            }
            h.createUpdate(REORDER).bindArray("ids", Long.class, slideIds).bind("presentation", presentationId)
                    .execute();
            touch(h, presentationId);
            return presentation(h, presentationId).orElseThrow();
        });
    }

    /**
     * Refuses a view that names what is not there: chosen proposals must be proposals of the
     * project that anyone may see (slides are shown in public: not submitted, hidden or withdrawn),
     * and the boundary set of the choropleth must exist. Fields are named under {@code prefix}.
     */
    public void requireReferences(long projectId, MapView view, String prefix) {
        jdbi.useHandle(h -> {
            if (view.chosen().isPresent()) {
                List<Long> ids = view.chosen().get().proposalIds();
                var found = new HashSet<>(Visibility.apply(h.createQuery(VISIBLE_CHOSEN), Viewer.ANONYMOUS)
                        .bind("project", projectId).bindArray("ids", Long.class, ids).mapTo(Long.class).list());
                for (int i = 0; i < ids.size(); i++) {
                    if (!found.contains(ids.get(i))) {
                        throw ApiError.invalid(prefix + ".layers.chosen.proposalIds[" + i + "]", "proposal "
                                + ids.get(i) + " is not a proposal of this project that anyone may see");
                    }
                }
            }
            if (view.participation().isPresent()) {
                long set = view.participation().get().set();
                if (!h.createQuery(AREA_SET_EXISTS).bind("set", set).mapTo(Boolean.class).one()) {
                    throw ApiError.invalid(prefix + ".layers.participation.set", "boundary set " + set
                            + " does not exist");
                }
            }
            if (view.vote().isPresent()) {
                long vote = view.vote().get().voteId();
                if (!h.createQuery(VOTE_OF_PROJECT).bind("vote", vote).bind("project", projectId).mapTo(Boolean.class)
                        .one()) {
                    throw ApiError.invalid(prefix + ".layers.vote.voteId", "vote " + vote
                            + " is not a vote of this project");
                }
            }
        });
    }

    private static void lock(Handle h, long presentationId) {
        if (h.createQuery(LOCK).bind("id", presentationId).mapTo(Integer.class).findOne().isEmpty()) {
            throw notFound(presentationId);
        }
    }

    private static void touch(Handle h, long presentationId) {
        h.createUpdate(TOUCH).bind("id", presentationId).execute();
    }

    private static String slide(Handle h, long id) {
        return h.createQuery(SLIDE).bind("id", id).mapTo(String.class).findOne()
                .orElseThrow(() -> ApiError.notFound("Slide " + id));
    }

    private static ApiError notFound(long id) {
        return ApiError.notFound("Presentation " + id);
    }
}
