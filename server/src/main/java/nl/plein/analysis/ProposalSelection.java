package nl.plein.analysis;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import nl.plein.accounts.Viewer;
import nl.plein.db.DataAccessException;
import nl.plein.db.NamedSql;
import nl.plein.db.Sql;
import nl.plein.http.ApiError;
import nl.plein.http.Choices;
import nl.plein.http.Query;
import nl.plein.projects.ProjectRules;
import nl.plein.proposals.Status;

/**
 * The selection before {@link Selection}, on the home-made SQL layer: kept, deprecated, only until the
 * hot-spot, Moran and OGC code that still reads it moves to {@link Selection} (which
 * {@link #toSelection} converts to). New code uses {@link Selection} and {@link Analyses}.
 *
 * <p>Which proposals a spatial analysis reads: those of a project everyone can see (an analysis shows
 * what everyone can see, whoever asks), filtered by category, status and date range (days in the
 * configured zone). Also what every such analysis shares: the project's metric CRS and proposals
 * version, and the time limit.
 *
 * <p>A point analysis reads the selected proposals that have a place ({@link #PLACED}): proposals
 * about the whole area (no geometry) are left out, and with {@link Locations#ONCE} the proposals
 * that share one location count once. {@link #stacking} says how many of each there were.
 *
 * @param category null when not filtered on; likewise {@code status}, {@code from}, {@code to}
 * @param locations whether proposals that share a location count each ({@code all}) or once
 */
@Deprecated
public record ProposalSelection(String category, Status status, LocalDate from, LocalDate to, Locations locations) {
    /**
     * How proposals at one location count. A location is a proposal's point (itself, or a point on its
     * line or area, ST_PointOnSurface) in the project's metric CRS, to the millimetre: many proposals
     * geocoded to one address, or to the town hall, share one.
     */
    public enum Locations {
        /** Every proposal counts, however many share its location. */
        ALL,
        /** Each location counts once: of the proposals there, the one with the lowest id stands for all. */
        ONCE;

        Selection.Locations toSelection() {
            return Selection.Locations.valueOf(name());
        }
    }

    /**
     * The condition, for statements with named parameters; the proposals' alias must be {@code p}.
     * Binds :project, :staff, :viewer, :category, :status, :from, :to ({@link #values}).
     */
    public static final String WHERE = Selection.Contributions.PROPOSALS.where();
    /** A proposal as one point: itself, or a point inside its line or area (ST_PointOnSurface). */
    public static final String POINT = Selection.Contributions.PROPOSALS.point();

    private static final String SCOPE = "SELECT coalesce((SELECT proposals FROM analysis_versions"
            + " WHERE project_id = p.id), 0), p.metric_srid FROM projects p WHERE p.id = ?";

    /** A location: a proposal's point in the metric CRS (:srid), to the millimetre, as x and y. */
    private static final String LOCATION = "(SELECT ST_X(g) AS x, ST_Y(g) AS y FROM (SELECT ST_SnapToGrid(ST_Transform("
            + POINT + ", :srid::integer), 0.001) AS g) s) l";
    /** The marker a statement puts where it reads the proposals to analyse ({@link Statement}). */
    public static final String MARKER = "/*placed*/";
    /**
     * The proposals a point analysis reads, as a table to alias (every column of proposals): the
     * selected ones that have a place, each counted ({@link Locations#ALL}) or one per location
     * ({@link Locations#ONCE}, the lowest id). Binds what {@link #WHERE} binds, and :srid.
     */
    private static final Map<Locations, String> PLACED = Map.of(
            Locations.ALL, "(SELECT p.* FROM proposals p WHERE " + WHERE + "\n AND p.geom IS NOT NULL)",
            Locations.ONCE, "(SELECT DISTINCT ON (l.x, l.y) p.* FROM proposals p CROSS JOIN LATERAL " + LOCATION
                    + " WHERE " + WHERE + "\n AND p.geom IS NOT NULL ORDER BY l.x, l.y, p.id)");

    /** A statement that reads the analysed proposals at {@link #MARKER}, in each way of counting locations. */
    public record Statement(NamedSql all, NamedSql once) {
        public static Statement of(String sql) {
            if (!sql.contains(MARKER)) {
                throw new IllegalStateException("the statement has no " + MARKER);
            }
            return new Statement(NamedSql.of(sql.replace(MARKER, PLACED.get(Locations.ALL))),
                    NamedSql.of(sql.replace(MARKER, PLACED.get(Locations.ONCE))));
        }

        /** The statement for this selection's way of counting locations. */
        public NamedSql of(ProposalSelection selection) {
            return selection.locations() == Locations.ONCE ? once : all;
        }
    }

    private static final Statement POINTS = Statement.of("SELECT ST_X(point), ST_Y(point) FROM (SELECT ST_Transform("
            + POINT + ", :srid::integer) AS point FROM " + MARKER + " p) q");

    /**
     * How the selected proposals sit: those at locations shared with others (a location with more than
     * one proposal) and how many such locations, and those about the whole area, which no point analysis
     * reads.
     */
    private static final NamedSql STACKING = NamedSql.of("""
            WITH located AS MATERIALIZED (
                SELECT l.x, l.y FROM proposals p CROSS JOIN LATERAL %s
                 WHERE %s
                   AND p.geom IS NOT NULL
            ), shared AS (
                SELECT count(*) AS n FROM located GROUP BY x, y HAVING count(*) > 1
            )
            SELECT (SELECT coalesce(sum(n), 0) FROM shared), (SELECT count(*) FROM shared),
                   (SELECT count(*) FROM proposals p WHERE %s
                       AND p.geom IS NULL)""".formatted(LOCATION, WHERE, WHERE));

    /**
     * What the selection holds besides the analysed points: the proposals at shared locations and the
     * number of such locations (counting every proposal, whatever {@link #locations}), the proposals
     * left out for having no particular place, and how {@link #locations} counted.
     */
    public record Stacking(long sharedProposals, long sharedLocations, long wholeArea, Locations locations) {
        /** The proposals left out by counting each shared location once. */
        public long repeatsLeftOut() {
            return locations == Locations.ONCE ? sharedProposals - sharedLocations : 0;
        }

        /** The same figures from a {@link Selection}. */
        public static Stacking of(Selection.Stacking s) {
            return new Stacking(s.sharedProposals(), s.sharedLocations(), s.wholeArea(),
                    Locations.valueOf(s.locations().name()));
        }
    }

    /** How the selected proposals of a project sit, their locations in the metric CRS {@code srid}. */
    public Stacking stacking(Connection c, long projectId, ZoneId zone, int srid) throws SQLException {
        var values = values(projectId, zone);
        values.put("srid", srid);
        return Sql.one(c, STACKING.sql(), rs -> new Stacking(rs.getLong(1), rs.getLong(2), rs.getLong(3), locations),
                STACKING.bind(values)).orElseThrow();
    }

    /** The analysed proposals as points {x[], y[]} in the metric CRS {@code srid}. */
    public double[][] points(Connection c, long projectId, ZoneId zone, int srid) throws SQLException {
        var values = values(projectId, zone);
        values.put("srid", srid);
        var points = POINTS.of(this);
        var xy = Sql.list(c, points.sql(), rs -> new double[] {rs.getDouble(1), rs.getDouble(2)}, points.bind(values));
        double[][] out = new double[2][xy.size()];
        for (int k = 0; k < xy.size(); k++) {
            out[0][k] = xy.get(k)[0];
            out[1][k] = xy.get(k)[1];
        }
        return out;
    }

    /** The filters of a request: category (checked against the project's), status, from, to; and locations. */
    public static ProposalSelection from(Query query, ProjectRules rules) {
        return of(Selection.from(query, rules));
    }

    /** Every proposal anyone sees, unfiltered, with locations counted as the query's {@code locations} says. */
    public static ProposalSelection unfiltered(Query query) {
        return of(Selection.unfiltered(query));
    }

    /** The same selection of proposals as {@code s}. */
    public static ProposalSelection of(Selection s) {
        return new ProposalSelection(s.category(), s.status(), s.from(), s.to(), Locations.valueOf(s.locations().name()));
    }

    /** This selection as a {@link Selection} of proposals. */
    public Selection toSelection() {
        return new Selection(Selection.Contributions.PROPOSALS, category, status, from, to, locations.toSelection());
    }

    /** The query parameter that says how proposals sharing a location count: {@code all} (default) or {@code once}. */
    public static final String LOCATIONS = Selection.LOCATIONS;

    /** The query parameters {@link #from(Query, ProjectRules)} reads. */
    public static final String[] PARAMETERS = Selection.PARAMETERS.toArray(String[]::new);

    public boolean filtered() {
        return category != null || status != null || from != null || to != null;
    }

    public Map<String, Object> values(long projectId, ZoneId zone) {
        var values = new HashMap<String, Object>();
        values.put("project", projectId);
        values.put("staff", Viewer.ANONYMOUS.isStaff());
        values.put("viewer", Viewer.ANONYMOUS.idOrNone());
        values.put("category", category);
        values.put("status", status == null ? null : Choices.wire(status));
        values.put("from", from == null ? null : from.atStartOfDay(zone).toOffsetDateTime());
        values.put("to", to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        return values;
    }

    /**
     * The version of a project's analyses (migration V7: it goes up when the project's proposals,
     * area or metric CRS change) and the metric CRS it is analysed in (migration V12: the project's
     * own, which only an admin changes). Every cached analysis result is keyed by both.
     */
    public record Scope(long version, int srid) {
        public static Scope of(DataSource dataSource, long projectId) {
            return Sql.read(dataSource, c -> Sql.one(c, SCOPE, rs -> new Scope(rs.getLong(1), rs.getInt(2)),
                    projectId)).orElseThrow(() -> ApiError.notFound("Project " + projectId));
        }

        /** The cache key of a result computed in this scope. */
        public AnalysisCache.Key key(String analysis, long projectId, String parameters) {
            return new AnalysisCache.Key(analysis, projectId, srid, version, parameters);
        }
    }

    /** Runs the rest of this transaction under the analysis time limit, without JIT or parallel workers. */
    public static void limit(Connection c, Duration timeout) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("SET LOCAL statement_timeout = " + timeout.toMillis());
            st.execute("SET LOCAL jit = off");
            st.execute("SET LOCAL max_parallel_workers_per_gather = 0");
        }
    }

    /** A statement cancelled by the time limit becomes a 503 the client can act on; anything else stays a 500. */
    public static RuntimeException timedOut(DataAccessException e, String advice) {
        if (e.getCause() instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
            return ApiError.tookTooLong("the analysis ran past its time limit; " + advice);
        }
        return e;
    }

    /** For requests that take no filters: all the project's proposals everyone can see. */
    public static final ProposalSelection ALL = new ProposalSelection(null, null, null, null, Locations.ALL);
}
