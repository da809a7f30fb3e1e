package nl.plein.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.plein.analysis.AnalysisCache;
import nl.plein.analysis.ProposalSelection;
import nl.plein.db.DataAccessException;
import nl.plein.db.Sql;
import nl.plein.http.Json;

/**
 * DBSCAN clusters of a project's proposals (clusters.sql), cached per project, parameters and
 * version of the project's proposals, and run under the analysis time limit.
 */
public final class ClusterStore {
    private static final ProposalSelection.Statement CLUSTERS = ProposalSelection.Statement.of(
            Sql.load(ClusterStore.class, "clusters.sql").replace("/*point*/", ProposalSelection.POINT));
    private static final String PROJECT_AREA = "SELECT ST_Area(ST_Transform(area, ?)) FROM projects WHERE id = ?";
    /** How many of a cluster's most-supported proposals are listed. */
    public static final int TOP = 3;

    /** What to cluster: the selected proposals, and DBSCAN's parameters; a null eps is chosen ({@link DefaultEps}). */
    public record Parameters(Double eps, int minPoints, ProposalSelection selection) {
    }

    public record Proposal(long id, String title, int supportCount) {
    }

    public record CategoryCount(String category, long count) {
    }

    /** One cluster: its members, convex outline and centre (GeoJSON, WGS 84), what it holds. */
    public record Cluster(int number, long members, JsonNode outline, JsonNode centre, List<CategoryCount> categories,
            List<Proposal> mostSupported, List<String> titles) {
    }

    /**
     * Clusters numbered 1… by size (largest first), with the proposals counted and those left as
     * noise, the eps they were made with and, when it was chosen by default, how (else null).
     */
    public record Result(List<Cluster> clusters, long proposals, long noise, int srid, long version, double eps,
            String epsRule, ProposalSelection.Stacking stacking) {
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
        var scope = ProposalSelection.Scope.of(dataSource, projectId);
        var key = scope.key("clusters", projectId, parameters.toString());
        return cache.get(key, () -> compute(projectId, parameters, scope.srid(), scope.version()));
    }

    private Result compute(long projectId, Parameters p, int srid, long version) {
        var values = p.selection().values(projectId, zone);
        values.put("srid", srid);
        values.put("minpoints", p.minPoints());
        values.put("top", TOP);
        try {
            return Sql.transaction(dataSource, c -> {
                ProposalSelection.limit(c, timeout);
                double eps;
                String epsRule = null;
                if (p.eps() != null) {
                    eps = p.eps();
                } else {
                    double[][] xy = p.selection().points(c, projectId, zone, srid);
                    double area = Sql.one(c, PROJECT_AREA, rs -> rs.getDouble(1), srid, projectId).orElseThrow();
                    var choice = DefaultEps.choose(xy[0], xy[1], p.minPoints(), area);
                    eps = choice.eps();
                    epsRule = choice.describe(p.minPoints());
                }
                values.put("eps", eps);
                var clusters = new ArrayList<Cluster>();
                long[] totals = new long[2];
                var clustersSql = CLUSTERS.of(p.selection());
                Sql.list(c, clustersSql.sql(), rs -> {
                    totals[0] = rs.getLong("proposals");
                    totals[1] = rs.getLong("noise");
                    if (rs.getObject("cluster") != null) {
                        clusters.add(new Cluster(0, rs.getLong("members"), parse(rs.getString("outline")),
                                parse(rs.getString("centre")), categories(rs.getString("categories")),
                                proposals(rs.getString("most_supported")),
                                List.of((String[]) rs.getArray("titles").getArray())));
                    }
                    return null;
                }, clustersSql.bind(values));
                clusters.sort(java.util.Comparator.comparingLong(Cluster::members).reversed()
                        .thenComparing(cl -> cl.mostSupported().isEmpty() ? 0 : cl.mostSupported().get(0).id()));
                var numbered = new ArrayList<Cluster>();
                for (int i = 0; i < clusters.size(); i++) {
                    var cl = clusters.get(i);
                    numbered.add(new Cluster(i + 1, cl.members(), cl.outline(), cl.centre(), cl.categories(),
                            cl.mostSupported(), cl.titles()));
                }
                return new Result(List.copyOf(numbered), totals[0], totals[1], srid, version, eps, epsRule,
                        p.selection().stacking(c, projectId, zone, srid));
            });
        } catch (DataAccessException e) {
            throw ProposalSelection.timedOut(e, "try a smaller eps, a larger minPoints or narrower filters");
        }
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
