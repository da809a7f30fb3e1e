package nl.plein.proposals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.plein.accounts.Viewer;
import nl.plein.areas.AreaAssignment;
import nl.plein.areas.AreaAssignment.Drawing;
import nl.plein.db.Sql;
import nl.plein.http.ApiError;
import nl.plein.http.Choices;
import nl.plein.http.Json;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/** Proposals in PostGIS. Every read goes through {@link Visibility}; every write is one transaction. */
public final class ProposalStore {
    private static final String FEATURE = Sql.load(ProposalStore.class, "proposal-feature.sql");
    private static final String DECISIONS = Sql.load(ProposalStore.class, "decisions.sql");
    private static final String CLUSTERS = Sql.load(ProposalStore.class, "clusters.sql");
    /** The equator's length in EPSG:3857 metres: the width of the zoom 0 tile. */
    private static final double WEB_MERCATOR_WIDTH = 40075016.686;

    /**
     * The feature with lines and areas simplified for display (one more parameter, the tolerance in
     * degrees, before the feature's own). Points stay exact; ST_SimplifyPreserveTopology keeps lines
     * and areas valid. Only the list uses it: a single proposal is always read exactly.
     */
    private static final String FEATURE_FOR_DISPLAY = displayed(FEATURE);

    private static String displayed(String feature) {
        String exact = "ST_AsGeoJSON(p.geom, 7)";
        if (!feature.contains(exact)) {
            throw new IllegalStateException("proposal-feature.sql no longer writes " + exact);
        }
        return feature.replace(exact, "ST_AsGeoJSON(CASE WHEN GeometryType(p.geom) IN ('POINT', 'MULTIPOINT') "
                + "THEN p.geom ELSE ST_SimplifyPreserveTopology(p.geom, ?::float8) END, 7)");
    }

    private final DataSource dataSource;

    public ProposalStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a list may filter on; every part is optional. */
    public record Filter(Optional<Long> projectId, Optional<double[]> bbox, Optional<String> category,
                         Optional<Status> status, Optional<String> text, Optional<Place> place) {
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
        var params = new ArrayList<Object>();
        zoom.ifPresent(z -> params.add(simplifyTolerance(z)));
        params.add(viewer.idOrNone());
        params.add(viewer.idOrNone());
        var sql = new StringBuilder(zoom.isPresent() ? FEATURE_FOR_DISPLAY : FEATURE)
                .append(" WHERE ").append(where(viewer, filter, params));
        beforeId.ifPresent(id -> {
            sql.append(" AND p.id < ?");
            params.add(id);
        });
        sql.append(" ORDER BY p.id DESC LIMIT ?");
        params.add(limit + 1);
        return Sql.read(dataSource, c -> Sql.list(c, sql.toString(),
                rs -> new Row(rs.getLong(1), rs.getString(2)), params.toArray()));
    }

    /**
     * Whether a list filter's category can match: one the project lists (any project, when the filter
     * names none). A project that lists no categories takes any, as {@code ProjectRules} does; an
     * unknown project gives an empty list, as without a category.
     */
    public boolean isCategory(Optional<Long> projectId, String category) {
        return Sql.read(dataSource, c -> Sql.one(c, """
                SELECT EXISTS (SELECT 1 FROM projects WHERE (CAST(? AS bigint) IS NULL OR id = ?)
                                  AND (? = ANY (categories) OR cardinality(categories) = 0))
                    OR (CAST(? AS bigint) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM projects WHERE id = ?))""",
                rs -> rs.getBoolean(1), projectId, projectId, category, projectId, projectId).orElseThrow());
    }

    /**
     * The visible proposals that match the filter, grouped by a grid of about 64 pixels at this
     * zoom: one GeoJSON Point Feature per occupied cell, at the mean position of its members.
     */
    public List<String> clusters(Viewer viewer, Filter filter, int zoom) {
        var params = new ArrayList<Object>();
        String where = where(viewer, filter, params);
        params.add(WEB_MERCATOR_WIDTH / Math.pow(2, zoom) / 256 * 64);
        return Sql.read(dataSource, c -> Sql.list(c, CLUSTERS.replace("/*where*/ true", where),
                rs -> rs.getString(1), params.toArray()));
    }

    /**
     * The one place the list's filters become SQL, for every query that reads proposals by filter:
     * the visibility rule first, then each part of the filter that is present. Appends the
     * parameters to {@code params} in order; the proposals' alias must be {@code p}.
     */
    private static String where(Viewer viewer, Filter filter, List<Object> params) {
        var sql = new StringBuilder(Visibility.PROPOSAL);
        params.addAll(List.of(Visibility.params(viewer)));
        filter.projectId().ifPresent(id -> {
            sql.append(" AND p.project_id = ?");
            params.add(id);
        });
        filter.bbox().ifPresent(b -> {
            sql.append(" AND p.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)"
                    + " AND ST_Intersects(p.geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))");
            for (int i = 0; i < 2; i++) {
                params.addAll(List.of(b[0], b[1], b[2], b[3]));
            }
        });
        filter.category().ifPresent(category -> {
            sql.append(" AND p.category = ?");
            params.add(category);
        });
        filter.status().ifPresent(status -> {
            sql.append(" AND p.status = ?");
            params.add(Choices.wire(status));
        });
        filter.place().ifPresent(place -> sql.append(place == Place.LOCATED
                ? " AND p.geom IS NOT NULL" : " AND p.geom IS NULL"));
        filter.text().ifPresent(text -> {
            sql.append(" AND p.search_text ILIKE ? ESCAPE '\\'");
            params.add("%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        });
        return sql.toString();
    }

    /** Half a pixel at this zoom, in degrees of longitude: less than anyone can see on the map. */
    private static double simplifyTolerance(int zoom) {
        return 360 / Math.pow(2, zoom) / 256 / 2;
    }

    /** One proposal with its decisions, if the viewer may see it. */
    public Optional<String> feature(Viewer viewer, long id) {
        return Sql.read(dataSource, c -> feature(c, viewer, id));
    }

    private Optional<String> feature(Connection c, Viewer viewer, long id) throws SQLException {
        Optional<String> feature = Sql.one(c, FEATURE + " WHERE p.id = ? AND " + Visibility.PROPOSAL,
                rs -> rs.getString(2), viewer.idOrNone(), viewer.idOrNone(), id, Visibility.params(viewer)[0],
                Visibility.params(viewer)[1]);
        if (feature.isEmpty()) {
            return feature;
        }
        String decisions = Sql.one(c, DECISIONS, rs -> rs.getString(1), id).orElse("[]");
        try {
            ObjectNode node = (ObjectNode) Json.MAPPER.readTree(feature.get());
            ((ObjectNode) node.get("properties")).set("decisions", Json.MAPPER.readTree(decisions));
            return Optional.of(node.toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("PostgreSQL wrote unreadable JSON", e);
        }
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
        return Sql.read(dataSource, c -> facts(c, viewer, id, false));
    }

    /** The proposal's facts if the viewer may see it; a 404 otherwise, as if it did not exist. */
    public Facts visible(Viewer viewer, long id) {
        return facts(viewer, id).orElseThrow(() -> ApiError.notFound("Proposal " + id));
    }

    static Optional<Facts> facts(Connection c, Viewer viewer, long id, boolean lock) throws SQLException {
        return Sql.one(c, "SELECT p.id, p.project_id, p.author_id, p.status, p.hidden, p.withdrawn "
                        + "FROM proposals p WHERE p.id = ? AND " + Visibility.PROPOSAL + (lock ? " FOR UPDATE" : ""),
                rs -> new Facts(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        Status.valueOf(rs.getString(4).toUpperCase()), rs.getBoolean(5), rs.getBoolean(6)),
                id, Visibility.params(viewer)[0], Visibility.params(viewer)[1]);
    }

    /** Creates a proposal; without pre-moderation it is published at once, with a recorded reason. */
    public String create(Viewer author, long projectId, boolean premoderation, Content content) {
        return Sql.transaction(dataSource, c -> {
            Status status = premoderation ? Status.SUBMITTED : Status.PUBLISHED;
            long id = Sql.one(c, """
                    INSERT INTO proposals (project_id, author_id, title, description, category, geom, status,
                                           location_method)
                    VALUES (?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4326), ?, ?) RETURNING id""", rs -> rs.getLong(1),
                    projectId, author.requireAccount(), content.title(), content.description(), content.category(),
                    content.geometry().map(g -> new WKBWriter().write(g)).orElse(null), Choices.wire(status),
                    Choices.wire(content.locationMethod())).orElseThrow();
            AreaAssignment.assign(c, Drawing.PROPOSALS, id);
            decide(c, id, null, Status.SUBMITTED, "Submitted by its author.", author.requireAccount());
            if (!premoderation) {
                decide(c, id, Status.SUBMITTED, Status.PUBLISHED,
                        "Published on submission: this project moderates after publication.", author.requireAccount());
            }
            return feature(c, author, id).orElseThrow();
        });
    }

    /** The author's changes; only while the proposal is still open to them. */
    public String update(Viewer viewer, long id, Optional<String> title, Optional<String> description,
                         Optional<Optional<String>> category, Optional<Geometry> geometry) {
        return Sql.transaction(dataSource, c -> {
            Facts facts = facts(c, viewer, id, true).orElseThrow(() -> ApiError.notFound("Proposal " + id));
            requireAuthor(viewer, facts);
            if (!facts.status().editableByAuthor()) {
                throw ApiError.conflict("status", "a proposal that is " + Choices.wire(facts.status())
                        + " can no longer be changed; comment on it instead");
            }
            // A place drawn for a proposal about the whole area makes it one drawn on the map.
            Sql.update(c, """
                    UPDATE proposals SET title = coalesce(?, title), description = coalesce(?, description),
                           category = CASE WHEN ? THEN ? ELSE category END,
                           geom = coalesce(ST_GeomFromWKB(?, 4326), geom),
                           location_method = CASE WHEN ? AND location_method = 'whole_area' THEN 'map'
                                                  ELSE location_method END,
                           updated_at = now()
                     WHERE id = ?""", title, description, category.isPresent(), category.flatMap(x -> x),
                    geometry.map(g -> new WKBWriter().write(g)), geometry.isPresent(), id);
            if (geometry.isPresent()) {
                AreaAssignment.assign(c, Drawing.PROPOSALS, id);
            }
            return feature(c, viewer, id).orElseThrow();
        });
    }

    public void withdraw(Viewer viewer, long id) {
        Sql.transaction(dataSource, c -> {
            Facts facts = facts(c, viewer, id, true).orElseThrow(() -> ApiError.notFound("Proposal " + id));
            requireAuthor(viewer, facts);
            return Sql.update(c, "UPDATE proposals SET withdrawn = true, updated_at = now() WHERE id = ?", id);
        });
    }

    /** A planner's decision: only along the lifecycle, always with a public reason. */
    public String decide(Viewer planner, long id, Status to, String reason) {
        return Sql.transaction(dataSource, c -> {
            Facts facts = facts(c, planner, id, true).orElseThrow(() -> ApiError.notFound("Proposal " + id));
            if (facts.withdrawn()) {
                throw ApiError.conflict("status", "the author has withdrawn this proposal");
            }
            if (!facts.status().next().contains(to)) {
                throw ApiError.conflict("status", "a proposal that is " + Choices.wire(facts.status())
                        + " cannot become " + Choices.wire(to) + (facts.status().next().isEmpty() ? ""
                        : "; it can become " + String.join(", ",
                        facts.status().next().stream().sorted().map(Choices::wire).toList())));
            }
            Sql.update(c, "UPDATE proposals SET status = ?, updated_at = now() WHERE id = ?", Choices.wire(to), id);
            decide(c, id, facts.status(), to, reason, planner.requireAccount());
            return feature(c, planner, id).orElseThrow();
        });
    }

    private static void decide(Connection c, long id, Status from, Status to, String reason, long by)
            throws SQLException {
        Sql.update(c, "INSERT INTO proposal_decisions (proposal_id, from_status, to_status, reason, decided_by) "
                + "VALUES (?, ?, ?, ?, ?)", id, from == null ? null : Choices.wire(from), Choices.wire(to), reason, by);
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
