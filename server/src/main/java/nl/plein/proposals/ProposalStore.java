package nl.plein.proposals;

import java.util.List;
import java.util.Optional;
import nl.plein.accounts.Viewer;
import nl.plein.areas.AreaAssignment.Drawing;
import nl.plein.areas.AreaAssignment;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.photos.PhotoTarget;
import nl.plein.http.Choices;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/** Proposals in PostGIS. Every read goes through {@link Visibility}; every write is one transaction. */
public final class ProposalStore {
    private static final String FEATURE = Jdbis.sql(ProposalStore.class, "proposal-feature.sql");
    /** The list's {@code <geometry>}: a drawing as stored, or simplified by :tolerance for display. */
    private static final String AS_STORED = "p.geom";
    private static final String FOR_DISPLAY = "CASE WHEN GeometryType(p.geom) IN ('POINT', 'MULTIPOINT') THEN p.geom"
            + " ELSE ST_SimplifyPreserveTopology(p.geom, :tolerance::float8) END";
    private static final String ONE = Jdbis.sql(ProposalStore.class, "proposal.sql");
    /**
     * The {@code <properties>} of both statements above, without the file's last line break: one
     * constant, so that each statement's text, and the plan PostgreSQL keeps for it, stays the same
     * from call to call and the same as when each file wrote the properties out.
     */
    private static final String PROPERTIES = Jdbis.sql(ProposalStore.class, "proposal-properties.sql").strip();
    private static final String CLUSTERS = Jdbis.sql(ProposalStore.class, "clusters.sql");
    private static final String CATEGORY_KNOWN = Jdbis.sql(ProposalStore.class, "category-known.sql");
    private static final String FACTS = Jdbis.sql(ProposalStore.class, "facts.sql");
    private static final String CREATE = Jdbis.sql(ProposalStore.class, "create.sql");
    private static final String UPDATE = Jdbis.sql(ProposalStore.class, "update.sql");
    private static final String WITHDRAW = Jdbis.sql(ProposalStore.class, "withdraw.sql");
    private static final String SET_STATUS = Jdbis.sql(ProposalStore.class, "set-status.sql");
    private static final String DECIDE = Jdbis.sql(ProposalStore.class, "decide.sql");
    private static final String REALISE = Jdbis.sql(ProposalStore.class, "realise.sql");
    /** The equator's length in EPSG:3857 metres: the width of the zoom 0 tile. */
    private static final double WEB_MERCATOR_WIDTH = 40075016.686;

    /*
     * The list filter's parts as conditions on proposal p, each put where a statement says <name>
     * when the filter has that part (and nothing otherwise), so that every statement that reads
     * proposals by filter reads them the same way, and each plan uses the indexes its filter allows.
     */
    private static final String BY_PROJECT = "AND p.project_id = :project";
    private static final String IN_BBOX = "AND p.geom && ST_MakeEnvelope(:west, :south, :east, :north, 4326)"
            + " AND ST_Intersects(p.geom, ST_MakeEnvelope(:west, :south, :east, :north, 4326))";
    private static final String IN_CATEGORY = "AND p.category = :category";
    private static final String WITH_STATUS = "AND p.status = :status";
    private static final String LOCATED = "AND p.geom IS NOT NULL";
    private static final String ABOUT_WHOLE_AREA = "AND p.geom IS NULL";
    /**
     * The search text, as a LIKE pattern escaped with '!' ({@link #containing}): Jdbi's statement
     * parser reads a backslash before a quote as escaping it, so {@code ESCAPE '\'} would open a
     * string that runs on into the rest of the statement.
     */
    private static final String MATCHING = "AND p.search_text ILIKE :text ESCAPE '!'";
    /** Where proposal-feature.sql says {@code <position>}: all, or a page before an id. */
    private static final String ANYWHERE = "";
    private static final String BEFORE = "AND p.id < :before";

    private final Jdbi jdbi;

    public ProposalStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What a list may filter on; every part is optional. */
    public record Filter(Optional<Long> projectId, Optional<double[]> bbox, Optional<String> category,
                         Optional<Status> status, Optional<String> text, Optional<Place> place) {
        /** No filter: every proposal the viewer may see. */
        static final Filter NONE = new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** Whether a proposal has a place: one on the map, or the whole area ({@link LocationMethod#WHOLE_AREA}). */
    public enum Place { LOCATED, WHOLE_AREA }

    public record Row(long id, String feature) {
    }

    /** @param geometry empty for a proposal about the whole area ({@link LocationMethod#WHOLE_AREA}) */
    public record Content(String title, String description, Optional<String> category, Optional<Geometry> geometry,
                          LocationMethod locationMethod) {
    }

    /** One page, newest first; fetches one row more than asked to know whether a next page exists. */
    public List<Row> list(Viewer viewer, Filter filter, Optional<Integer> zoom, Optional<Long> beforeId, int limit) {
        return jdbi.withHandle(h -> filtered(h.createQuery(FEATURE), viewer, filter)
                .define("properties", PROPERTIES)
                .define("position", beforeId.isPresent() ? BEFORE : ANYWHERE)
                .bind("before", beforeId.orElse(null))
                .define("geometry", zoom.isPresent() ? FOR_DISPLAY : AS_STORED)
                .bind("tolerance", zoom.map(ProposalStore::simplifyTolerance).orElse(null))
                .bind("limit", limit + 1)
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2)))
                .list());
    }

    /**
     * Whether a list filter's category can match: one the project lists (any project, when the filter
     * names none). A project that lists no categories takes any, as {@code ProjectRules} does; an
     * unknown project gives an empty list, as without a category.
     */
    public boolean isCategory(Optional<Long> projectId, String category) {
        return jdbi.withHandle(h -> h.createQuery(CATEGORY_KNOWN)
                .bind("project", projectId.orElse(null))
                .bind("category", category)
                .mapTo(Boolean.class).one());
    }

    /**
     * The visible proposals that match the filter, grouped by a grid of about 64 pixels at this
     * zoom: one GeoJSON Point Feature per occupied cell, at the mean position of its members.
     */
    public List<String> clusters(Viewer viewer, Filter filter, int zoom) {
        return jdbi.withHandle(h -> filtered(h.createQuery(CLUSTERS), viewer, filter)
                .bind("cell", WEB_MERCATOR_WIDTH / Math.pow(2, zoom) / 256 * 64)
                .mapTo(String.class).list());
    }

    /**
     * The one place the list's filters become SQL, for every statement that reads proposals by
     * filter: the visibility rule, then each part of the filter that is present.
     */
    private static <S extends SqlStatement<S>> S filtered(S statement, Viewer viewer, Filter filter) {
        Visibility.apply(statement, viewer)
                .define("project", filter.projectId().isPresent() ? BY_PROJECT : "")
                .define("bbox", filter.bbox().isPresent() ? IN_BBOX : "")
                .define("category", filter.category().isPresent() ? IN_CATEGORY : "")
                .define("status", filter.status().isPresent() ? WITH_STATUS : "")
                .define("place", filter.place().map(p -> p == Place.LOCATED ? LOCATED : ABOUT_WHOLE_AREA).orElse(""))
                .define("text", filter.text().isPresent() ? MATCHING : "");
        filter.projectId().ifPresent(id -> statement.bind("project", id));
        filter.bbox().ifPresent(b -> statement.bind("west", b[0]).bind("south", b[1])
                .bind("east", b[2]).bind("north", b[3]));
        filter.category().ifPresent(category -> statement.bind("category", category));
        filter.status().ifPresent(status -> statement.bind("status", Choices.wire(status)));
        filter.text().ifPresent(text -> statement.bind("text", containing(text)));
        return statement;
    }

    /** A LIKE pattern, escaped with '!', matching any text that contains {@code text} literally. */
    private static String containing(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** Half a pixel at this zoom, in degrees of longitude: less than anyone can see on the map. */
    private static double simplifyTolerance(int zoom) {
        return 360 / Math.pow(2, zoom) / 256 / 2;
    }

    /** One proposal with its decisions, if the viewer may see it. */
    public Optional<String> feature(Viewer viewer, long id) {
        return jdbi.withHandle(h -> feature(h, viewer, id));
    }

    private static Optional<String> feature(Handle h, Viewer viewer, long id) {
        return Visibility.apply(h.createQuery(ONE), viewer)
                .define("properties", PROPERTIES)
                .define("photos", PhotoTarget.PROPOSAL.photos("p.id"))
                .bind("id", id)
                .map((rs, ctx) -> rs.getString(2))
                .findOne();
    }

    /** Facts about a proposal that authorisation needs, if the viewer may see it at all. */
    public record Facts(long id, long projectId, long authorId, Status status, boolean hidden, boolean withdrawn) {
        /** Others respond to a proposal (comment, variant) only once it is published and in view. */
        public void requireOpenToResponses(String what) {
            if (hidden || withdrawn || status == Status.SUBMITTED) {
                throw ApiError.conflict("proposal", what + " can be added only to published proposals");
            }
        }
    }

    public Optional<Facts> facts(Viewer viewer, long id) {
        return jdbi.withHandle(h -> facts(h, viewer, id, false));
    }

    /** The proposal's facts if the viewer may see it; a 404 otherwise, as if it did not exist. */
    public Facts visible(Viewer viewer, long id) {
        return facts(viewer, id).orElseThrow(() -> ApiError.notFound("Proposal " + id));
    }

    static Optional<Facts> facts(Handle h, Viewer viewer, long id, boolean lock) {
        return Visibility.apply(h.createQuery(FACTS), viewer)
                .define("lock", lock ? "FOR UPDATE" : "")
                .bind("id", id)
                .map((rs, ctx) -> new Facts(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        Status.valueOf(rs.getString(4).toUpperCase()), rs.getBoolean(5), rs.getBoolean(6)))
                .findOne();
    }

    /** Creates a proposal; without pre-moderation it is published at once, with a recorded reason. */
    public String create(Viewer author, long projectId, boolean premoderation, Content content) {
        return jdbi.inTransaction(h -> {
            Status status = premoderation ? Status.SUBMITTED : Status.PUBLISHED;
            long id = h.createQuery(CREATE)
                    .bind("project", projectId)
                    .bind("author", author.requireAccount())
                    .bind("title", content.title())
                    .bind("description", content.description())
                    .bind("category", content.category().orElse(null))
                    .bind("geometry", content.geometry().map(g -> new WKBWriter().write(g)).orElse(null))
                    .bind("status", Choices.wire(status))
                    .bind("locationMethod", Choices.wire(content.locationMethod()))
                    .mapTo(Long.class).one();
            AreaAssignment.assign(h, Drawing.PROPOSALS, id);
            decide(h, id, null, Status.SUBMITTED, "Submitted by its author.", author.requireAccount());
            if (!premoderation) {
                decide(h, id, Status.SUBMITTED, Status.PUBLISHED,
                        "Published on submission: this project moderates after publication.", author.requireAccount());
            }
            return feature(h, author, id).orElseThrow();
        });
    }

    /** The author's changes; only while the proposal is still open to them. */
    public String update(Viewer viewer, long id, Optional<String> title, Optional<String> description,
                         Optional<Optional<String>> category, Optional<Geometry> geometry) {
        return jdbi.inTransaction(h -> {
            Facts facts = facts(h, viewer, id, true).orElseThrow(() -> ApiError.notFound("Proposal " + id));
            requireAuthor(viewer, facts);
            if (!facts.status().editableByAuthor()) {
                throw ApiError.conflict("status", "a proposal that is " + Choices.wire(facts.status())
                        + " can no longer be changed; comment on it instead");
            }
            h.createUpdate(UPDATE)
                    .bind("id", id)
                    .bind("title", title.orElse(null))
                    .bind("description", description.orElse(null))
                    .bind("changeCategory", category.isPresent())
                    .bind("category", category.flatMap(c -> c).orElse(null))
                    .bind("geometry", geometry.map(g -> new WKBWriter().write(g)).orElse(null))
                    .execute();
            if (geometry.isPresent()) {
                AreaAssignment.assign(h, Drawing.PROPOSALS, id);
            }
            return feature(h, viewer, id).orElseThrow();
        });
    }

    public void withdraw(Viewer viewer, long id) {
        jdbi.useTransaction(h -> {
            Facts facts = facts(h, viewer, id, true).orElseThrow(() -> ApiError.notFound("Proposal " + id));
            requireAuthor(viewer, facts);
            h.createUpdate(WITHDRAW).bind("id", id).execute();
        });
    }

    /** A planner's decision: only along the lifecycle, always with a public reason. */
    public String decide(Viewer planner, long id, Status to, String reason) {
        return jdbi.inTransaction(h -> {
            Facts facts = facts(h, planner, id, true).orElseThrow(() -> ApiError.notFound("Proposal " + id));
            if (facts.withdrawn()) {
                throw ApiError.conflict("status", "the author has withdrawn this proposal");
            }
            if (!facts.status().next().contains(to)) {
                throw ApiError.conflict("status", "a proposal that is " + Choices.wire(facts.status())
                        + " cannot become " + Choices.wire(to) + (facts.status().next().isEmpty() ? ""
                        : "; it can become " + String.join(", ",
                        facts.status().next().stream().sorted().map(Choices::wire).toList())));
            }
            h.createUpdate(SET_STATUS).bind("id", id).bind("status", Choices.wire(to)).execute();
            decide(h, id, facts.status(), to, reason, planner.requireAccount());
            return feature(h, planner, id).orElseThrow();
        });
    }

    /**
     * A work carrying these proposals is done: each that is accepted becomes realised, the decision
     * recorded with the work's note as its public reason, in the caller's transaction (the step that
     * finished the work). Answers the proposals that changed.
     */
    public static List<Long> realised(Handle h, List<Long> proposalIds, String reason, long by) {
        if (proposalIds.isEmpty()) {
            return List.of();
        }
        return h.createQuery(REALISE).bindArray("ids", Long.class, proposalIds).bind("reason", reason)
                .bind("by", by).mapTo(Long.class).list();
    }

    private static void decide(Handle h, long id, Status from, Status to, String reason, long by) {
        h.createUpdate(DECIDE)
                .bind("id", id)
                .bind("from", from == null ? null : Choices.wire(from))
                .bind("to", Choices.wire(to))
                .bind("reason", reason)
                .bind("by", by)
                .execute();
    }

    static void requireAuthor(Viewer viewer, Facts facts) {
        if (!viewer.is(facts.authorId())) {
            throw ApiError.forbidden("Only the author can change or withdraw this proposal.");
        }
        if (facts.withdrawn()) {
            throw ApiError.conflict("withdrawn", "this proposal has been withdrawn");
        }
    }
}
