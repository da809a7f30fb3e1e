package nl.plein.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nl.plein.analysis.Analyses;
import nl.plein.analysis.Analysis;
import nl.plein.analysis.AnalysisJson;
import nl.plein.analysis.Selection;
import nl.plein.db.Jdbis;
import nl.plein.http.Json;
import nl.plein.http.Numbers;

/**
 * DBSCAN clusters of a project's proposals (METHODS.md §5, clusters.sql), each with its members,
 * convex outline, centre, category mix, most-supported proposals and most frequent title words.
 */
public final class Clusters implements Analysis<ClusterParameters, Clusters.Result> {
    private static final String CLUSTERS = Jdbis.sql(Clusters.class, "clusters.sql");
    private static final String PROJECT_AREA = Jdbis.sql(Clusters.class, "project-area.sql");
    /** How many of a cluster's most-supported proposals are listed. */
    public static final int TOP = 3;
    /** How many of a cluster's most frequent title words are listed. */
    public static final int WORDS = 5;

    public record Proposal(long id, String title, int supportCount) {
    }

    public record CategoryCount(String category, long count) {
    }

    /**
     * One cluster: its members, convex outline (a GeoJSON geometry in WGS 84) and centre (its
     * coordinates, a GeoJSON position in WGS 84), both as PostGIS wrote them; what it holds.
     */
    public record Cluster(int number, long members, String outline, String centre, List<CategoryCount> categories,
            List<Proposal> mostSupported, List<String> titles, List<TitleWords.WordCount> words) {
    }

    /**
     * Clusters numbered 1… by size (largest first), with the proposals counted and those left as
     * noise, the metric CRS, the eps they were made with and, when it was chosen by default, how
     * (else null).
     */
    public record Result(List<Cluster> clusters, long proposals, long noise, int srid, double eps, String epsRule,
            Selection.Stacking stacking) {
    }

    @Override
    public String name() {
        return "clusters";
    }

    @Override
    public String whenTooSlow() {
        return "try a smaller eps, a larger minPoints or narrower filters";
    }

    @Override
    public Result compute(Analyses.Run run, ClusterParameters p) {
        double eps;
        String epsRule = null;
        if (p.eps() != null) {
            eps = p.eps();
        } else {
            double[][] xy = p.selection().points(run);
            double area = run.handle().createQuery(PROJECT_AREA).bind("project", run.projectId())
                    .bind("srid", run.srid()).mapTo(Double.class).one();
            var choice = DefaultEps.choose(xy[0], xy[1], p.minPoints(), area);
            eps = choice.eps();
            epsRule = choice.describe(p.minPoints());
        }
        var clusters = new ArrayList<Cluster>();
        long[] totals = new long[2];
        p.selection().bind(run.handle().createQuery(CLUSTERS), run)
                .bind("eps", eps).bind("minpoints", p.minPoints()).bind("top", TOP)
                .map((rs, ctx) -> {
                    totals[0] = rs.getLong("proposals");
                    totals[1] = rs.getLong("noise");
                    if (rs.getObject("cluster") != null) {
                        var titles = List.of((String[]) rs.getArray("titles").getArray());
                        clusters.add(new Cluster(0, rs.getLong("members"), rs.getString("outline"),
                                rs.getString("centre"), categories(rs.getString("categories")),
                                proposals(rs.getString("most_supported")), titles, TitleWords.top(titles, WORDS)));
                    }
                    return true;
                })
                .list();
        clusters.sort(Comparator.comparingLong(Cluster::members).reversed()
                .thenComparing(cl -> cl.mostSupported().isEmpty() ? 0 : cl.mostSupported().get(0).id()));
        var numbered = new ArrayList<Cluster>();
        for (int i = 0; i < clusters.size(); i++) {
            var cl = clusters.get(i);
            numbered.add(new Cluster(i + 1, cl.members(), cl.outline(), cl.centre(), cl.categories(),
                    cl.mostSupported(), cl.titles(), cl.words()));
        }
        return new Result(List.copyOf(numbered), totals[0], totals[1], run.srid(), eps, epsRule,
                p.selection().stacking(run));
    }

    @Override
    public String method(ClusterParameters p, Result result) {
        return String.format(Locale.ROOT, "DBSCAN (PostGIS ST_ClusterDBSCAN) over the proposals everyone can"
                + " see%s, each as one point (a line or an area by ST_PointOnSurface) in EPSG:%d, in metres:"
                + " a proposal is a core point when at least %d proposals, itself included, lie within %s m of it"
                + " (distance ≤ eps); a cluster is core points within eps of each other and the proposals within eps"
                + " of them; the rest is noise. A proposal within eps of two clusters may belong to either. Outlines"
                + " are convex hulls of the members' points. Words are the most frequent words of the members' titles,"
                + " Dutch and English stop words left out, each counted once per title.%s %s Defined in Plein's"
                + " server/METHODS.md §5.",
                p.selection().filtered() ? ", filtered" : "",
                result.srid(), p.minPoints(), Numbers.plain(result.eps()),
                result.epsRule() == null ? "" : " " + result.epsRule() + ".",
                AnalysisJson.locationsMethod(p.selection().locations()));
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
