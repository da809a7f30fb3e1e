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
import nl.plein.proposals.Visibility;

/**
 * Which proposals a spatial analysis reads: those of a project everyone can see (an analysis shows
 * what everyone can see, whoever asks), filtered by category, status and date range (days in the
 * configured zone). Also what every such analysis shares: the project's metric CRS and proposals
 * version, and the time limit.
 *
 * @param category null when not filtered on; likewise {@code status}, {@code from}, {@code to}
 */
public record ProposalSelection(String category, Status status, LocalDate from, LocalDate to) {
    /**
     * The condition, for statements with named parameters; the proposals' alias must be {@code p}.
     * Binds :project, :staff, :viewer, :category, :status, :from, :to ({@link #values}).
     */
    public static final String WHERE = "p.project_id = :project::bigint AND " + Visibility.PROPOSAL_NAMED + """

               AND (:category::text IS NULL OR p.category = :category::text)
               AND (:status::text IS NULL OR p.status = :status::text)
               AND (:from::timestamptz IS NULL OR p.created_at >= :from::timestamptz)
               AND (:to::timestamptz IS NULL OR p.created_at < :to::timestamptz)""";
    /** A proposal as one point: itself, or a point inside its line or area (ST_PointOnSurface). */
    public static final String POINT = "CASE WHEN GeometryType(p.geom) = 'POINT' THEN p.geom"
            + " ELSE ST_PointOnSurface(p.geom) END";

    private static final String SCOPE = "SELECT coalesce((SELECT proposals FROM analysis_versions"
            + " WHERE project_id = p.id), 0), p.metric_srid FROM projects p WHERE p.id = ?";

    private static final NamedSql POINTS = NamedSql.of(
            "SELECT ST_X(point), ST_Y(point) FROM (SELECT ST_Transform(" + POINT + ", :srid::integer) AS point"
                    + " FROM proposals p WHERE " + WHERE + ") q");

    /** The selected proposals as points {x[], y[]} in the metric CRS {@code srid}. */
    public double[][] points(Connection c, long projectId, ZoneId zone, int srid) throws SQLException {
        var values = values(projectId, zone);
        values.put("srid", srid);
        var xy = Sql.list(c, POINTS.sql(), rs -> new double[] {rs.getDouble(1), rs.getDouble(2)}, POINTS.bind(values));
        double[][] out = new double[2][xy.size()];
        for (int k = 0; k < xy.size(); k++) {
            out[0][k] = xy.get(k)[0];
            out[1][k] = xy.get(k)[1];
        }
        return out;
    }

    /** The filters of a request: category (checked against the project's), status, from, to. */
    public static ProposalSelection from(Query query, ProjectRules rules) {
        String category = query.text("category", 100).orElse(null);
        Status status = query.choice("status", Status.class).orElse(null);
        var dates = query.dateRange();
        if (category != null && !rules.categories().contains(category)) {
            throw ApiError.invalid("category", "this project has no category '" + category + "'");
        }
        return new ProposalSelection(category, status, dates.from(), dates.to());
    }

    /** The query parameters {@link #from(Query, ProjectRules)} reads. */
    public static final String[] PARAMETERS = {"category", "status", "from", "to"};

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
    public static final ProposalSelection ALL = new ProposalSelection(null, null, null, null);
}
