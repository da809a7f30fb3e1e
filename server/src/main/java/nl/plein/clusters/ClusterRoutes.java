package nl.plein.clusters;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import nl.plein.accounts.Access;
import nl.plein.analysis.AnalysisCache;
import nl.plein.analysis.AnalysisJson;
import nl.plein.analysis.ProposalSelection;
import nl.plein.analysis.SmallCounts;
import nl.plein.http.GeoJson;
import nl.plein.http.Json;
import nl.plein.http.Numbers;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.projects.ProjectStore;

/**
 * Where a project's proposals cluster: DBSCAN (METHODS.md §5) as GeoJSON, one feature per
 * cluster with its convex outline. Planners see raw counts; everyone else sees counts under the
 * small-count threshold as "<5" and others rounded (METHODS.md §9).
 */
public final class ClusterRoutes {
    /** Default of METHODS.md §5; eps has none fixed: it is chosen from the proposals ({@link DefaultEps}). */
    public static final int DEFAULT_MIN_POINTS = 5;
    /** Beyond a few kilometres, "a cluster" is most of a city: refused rather than computed. */
    public static final double MAX_EPS = 5000;
    public static final int MAX_MIN_POINTS = 1000;
    private static final int WORDS = 5;

    private final ClusterStore store;
    private final ProjectStore projects;
    private final SmallCounts smallCounts;
    private final AnalysisCache<ArrayNode> features = new AnalysisCache<>(16);

    public ClusterRoutes(ClusterStore store, ProjectStore projects, SmallCounts smallCounts) {
        this.store = store;
        this.projects = projects;
        this.smallCounts = smallCounts;
    }

    /** The query parameters that shape the clusters themselves, as every reader of clusters takes them. */
    public static final List<String> PARAMETERS = List.of("eps", "minPoints", ProposalSelection.LOCATIONS);

    public void get(Context ctx) {
        var query = Query.of(ctx, "eps", "minPoints", "category", "status", "from", "to", ProposalSelection.LOCATIONS);
        long projectId = Requests.pathId(ctx, "id", "Project");
        var parameters = parameters(query, ProposalSelection.from(query, projects.rules(projectId)));
        var result = store.clusters(projectId, parameters);
        boolean raw = Access.viewer(ctx).role().plans();
        ctx.header("Cache-Control", "private, no-store");
        GeoJson.send(ctx, "application/geo+json", Json.write(geoJson(result, parameters, raw)));
    }

    /**
     * The clusters of every proposal anyone sees, as anyone sees them (small counts suppressed), with
     * {@code eps} and {@code minPoints} read from the query as {@link #get} reads them: the features of
     * the OGC API's {@code clusters-{projectId}} collections. They leave out the centre: a pair of
     * longitude and latitude would contradict an answer in RD New, and a GIS computes it in any CRS.
     */
    public ArrayNode publicFeatures(long projectId, Query query) {
        var parameters = parameters(query, ProposalSelection.unfiltered(query));
        var result = store.clusters(projectId, parameters);
        // A GIS client pages through these: the title words of thousands of members are counted once.
        return features.get(new AnalysisCache.Key("public clusters", projectId, result.srid(), result.version(),
                parameters.toString()),
                () -> {
                    var features = (ArrayNode) geoJson(result, parameters, false).get("features");
                    features.forEach(f -> ((ObjectNode) f.get("properties")).remove("centre"));
                    return features;
                });
    }

    private static ClusterStore.Parameters parameters(Query query, ProposalSelection selection) {
        Double eps = query.number("eps", 0, true, MAX_EPS).orElse(null);
        int minPoints = query.integer("minPoints", DEFAULT_MIN_POINTS, 1, MAX_MIN_POINTS);
        return new ClusterStore.Parameters(eps, minPoints, selection);
    }

    private ObjectNode geoJson(ClusterStore.Result result, ClusterStore.Parameters p, boolean raw) {
        var out = Json.MAPPER.createObjectNode();
        out.put("type", "FeatureCollection");
        ArrayNode features = out.putArray("features");
        for (var c : result.clusters()) {
            var feature = features.addObject();
            feature.put("type", "Feature");
            feature.put("id", c.number());
            feature.set("geometry", c.outline());
            var props = feature.putObject("properties");
            props.put("cluster", c.number());
            count(props, "members", c.members(), raw);
            props.set("centre", c.centre().get("coordinates"));
            var categories = props.putArray("categories");
            for (var cat : c.categories()) {
                var node = categories.addObject();
                node.put("category", cat.category());
                count(node, "count", cat.count(), raw);
            }
            var top = props.putArray("mostSupported");
            for (var proposal : c.mostSupported()) {
                top.addObject().put("id", proposal.id()).put("title", proposal.title())
                        .put("supportCount", proposal.supportCount());
            }
            var words = props.putArray("words");
            for (var w : TitleWords.top(c.titles(), WORDS)) {
                var node = words.addObject();
                node.put("word", w.word());
                count(node, "count", w.count(), raw);
            }
        }
        var params = out.putObject("parameters");
        params.put("eps", result.eps()).put("epsChosen", p.eps() == null).put("minPoints", p.minPoints());
        AnalysisJson.selection(params, p.selection());
        count(out, "proposals", result.proposals(), raw);
        count(out, "noise", result.noise(), raw);
        AnalysisJson.locations(out, result.stacking(), raw, smallCounts);
        out.put("clusters", result.clusters().size());
        out.put("raw", raw);
        out.put("method", method(result, p, raw));
        return out;
    }

    private void count(ObjectNode node, String field, long value, boolean raw) {
        AnalysisJson.count(node, field, value, raw, smallCounts);
    }

    private String method(ClusterStore.Result result, ClusterStore.Parameters p, boolean raw) {
        String text = String.format(Locale.ROOT, "DBSCAN (PostGIS ST_ClusterDBSCAN) over the proposals everyone can"
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
        return raw ? text : text + " " + smallCounts.describe();
    }

}
