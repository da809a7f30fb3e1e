package nl.plein.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import javax.sql.DataSource;
import nl.plein.accounts.Viewer;
import nl.plein.analysis.AnalysisCache;
import nl.plein.db.DataAccessException;
import nl.plein.db.NamedSql;
import nl.plein.db.Sql;
import nl.plein.http.ApiError;
import nl.plein.http.Json;
import nl.plein.proposals.Status;
import nl.plein.proposals.Visibility;

/**
 * DBSCAN clusters of a project's proposals (clusters.sql), cached per project, parameters and
 * version of the project's proposals, and run under the analysis time limit.
 */
public final class ClusterStore {
    private static final NamedSql CLUSTERS = NamedSql.of(Sql.load(ClusterStore.class, "clusters.sql")
            .replace("/*visible*/", Visibility.PROPOSAL_NAMED));
    private static final String VERSION = "SELECT coalesce((SELECT proposals FROM analysis_versions"
            + " WHERE project_id = ?), 0), project_metric_srid(?)";
    /** How many of a cluster's most-supported proposals are listed. */
    public static final int TOP = 3;

    /** What to cluster: the proposals matching the filters (null: not filtered on), and DBSCAN's parameters. */
    public record Parameters(double eps, int minPoints, String category, Status status, LocalDate from, LocalDate to) {
    }

    public record Proposal(long id, String title, int supportCount) {
    }

    public record CategoryCount(String category, long count) {
    }

    /** One cluster: its members, convex outline and centre (GeoJSON, WGS 84), what it holds. */
    public record Cluster(int number, long members, JsonNode outline, JsonNode centre, List<CategoryCount> categories,
            List<Proposal> mostSupported, List<String> titles) {
    }

    /** Clusters numbered 1… by size (largest first), with the proposals counted and those left as noise. */
    public record Result(List<Cluster> clusters, long proposals, long noise, int srid, long version) {
    }

    private final DataSource dataSource;
    private final Duration timeout;
    private final ZoneId zone;
    private final AnalysisCache<Result> cache = new AnalysisCache<>(64);

    public ClusterStore(DataSource dataSource, Duration timeout, ZoneId zone) {
        this.dataSource = dataSource;
        this.timeout = timeout;
        this.zone = zone;
    }

    public Result clusters(long projectId, Parameters parameters) {
        long[] versionAndSrid = Sql.read(dataSource, c -> Sql.one(c, VERSION,
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, projectId, projectId)).orElseThrow();
        var key = new AnalysisCache.Key("clusters", projectId, versionAndSrid[0], parameters.toString());
        return cache.get(key, () -> compute(projectId, parameters, (int) versionAndSrid[1], versionAndSrid[0]));
    }

    private Result compute(long projectId, Parameters p, int srid, long version) {
        var values = new HashMap<String, Object>();
        values.put("project", projectId);
        values.put("staff", Viewer.ANONYMOUS.isStaff());
        values.put("viewer", Viewer.ANONYMOUS.idOrNone());
        values.put("category", p.category());
        values.put("status", p.status() == null ? null : nl.plein.http.Choices.wire(p.status()));
        values.put("from", p.from() == null ? null : p.from().atStartOfDay(zone).toOffsetDateTime());
        values.put("to", p.to() == null ? null : p.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        values.put("srid", srid);
        values.put("eps", p.eps());
        values.put("minpoints", p.minPoints());
        values.put("top", TOP);
        try {
            return Sql.transaction(dataSource, c -> {
                limit(c, timeout);
                var clusters = new ArrayList<Cluster>();
                long[] totals = new long[2];
                Sql.list(c, CLUSTERS.sql(), rs -> {
                    totals[0] = rs.getLong("proposals");
                    totals[1] = rs.getLong("noise");
                    if (rs.getObject("cluster") != null) {
                        clusters.add(new Cluster(0, rs.getLong("members"), parse(rs.getString("outline")),
                                parse(rs.getString("centre")), categories(rs.getString("categories")),
                                proposals(rs.getString("most_supported")),
                                List.of((String[]) rs.getArray("titles").getArray())));
                    }
                    return null;
                }, CLUSTERS.bind(values));
                clusters.sort(java.util.Comparator.comparingLong(Cluster::members).reversed()
                        .thenComparing(cl -> cl.mostSupported().isEmpty() ? 0 : cl.mostSupported().get(0).id()));
                var numbered = new ArrayList<Cluster>();
                for (int i = 0; i < clusters.size(); i++) {
                    var cl = clusters.get(i);
                    numbered.add(new Cluster(i + 1, cl.members(), cl.outline(), cl.centre(), cl.categories(),
                            cl.mostSupported(), cl.titles()));
                }
                return new Result(List.copyOf(numbered), totals[0], totals[1], srid, version);
            });
        } catch (DataAccessException e) {
            throw timedOut(e);
        }
    }

    /** Runs the rest of this transaction under the analysis time limit. */
    static void limit(Connection c, Duration timeout) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("SET LOCAL statement_timeout = " + timeout.toMillis());
            st.execute("SET LOCAL jit = off");
            st.execute("SET LOCAL max_parallel_workers_per_gather = 0");
        }
    }

    /** A statement cancelled by the time limit becomes a 503 the client can act on; anything else stays a 500. */
    static RuntimeException timedOut(DataAccessException e) {
        if (e.getCause() instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
            return ApiError.tookTooLong("the analysis ran past its time limit; try a smaller eps, a larger"
                    + " minPoints or narrower filters");
        }
        return e;
    }

    private static JsonNode parse(String json) {
        return Json.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<CategoryCount> categories(String json) {
        var out = new ArrayList<CategoryCount>();
        for (JsonNode c : parse(json)) {
            out.add(new CategoryCount(c.get(0).isNull() ? null : c.get(0).asText(), c.get(1).asLong()));
        }
        return List.copyOf(out);
    }

    private static List<Proposal> proposals(String json) {
        var out = new ArrayList<Proposal>();
        for (JsonNode p : parse(json)) {
            out.add(new Proposal(p.get(0).asLong(), p.get(1).asText(), p.get(2).asInt()));
        }
        return List.copyOf(out);
    }
}
