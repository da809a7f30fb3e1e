package nl.plein.clusters;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import nl.plein.analysis.Analyses;
import nl.plein.analysis.AnalysisJson;
import nl.plein.analysis.Counts;
import nl.plein.http.Json;
import nl.plein.http.Query;

/**
 * Clusters as GeoJSON, one feature per cluster with its convex outline, for the analysis page and
 * for GIS clients (the OGC API's {@code clusters-{projectId}} collections). Outlines and centres go
 * out as PostGIS wrote them.
 */
public final class ClusterFeatures {
    private final Analyses analyses;
    private final Clusters clusters;

    public ClusterFeatures(Analyses analyses, Clusters clusters) {
        this.analyses = analyses;
        this.clusters = clusters;
    }

    /**
     * The clusters of every proposal anyone sees, as anyone sees them (small counts suppressed), with
     * {@code eps}, {@code minPoints} and {@code locations} read from the query as the analysis page
     * reads them: the features of the OGC API's {@code clusters-{projectId}} collections. They leave
     * out the centre: a pair of longitude and latitude would contradict an answer in RD New, and a GIS
     * computes it in any CRS.
     */
    public ArrayNode publicFeatures(long projectId, Query query) {
        var parameters = ClusterParameters.unfiltered(query);
        var result = analyses.run(clusters, projectId, parameters);
        var features = Json.MAPPER.createArrayNode();
        addFeatures(features, result, analyses.counts(false), false);
        return features;
    }

    /** The whole answer of the analysis page: the clusters, the parameters, the totals and the method. */
    public static ObjectNode collection(Clusters.Result result, ClusterParameters p, Counts counts, String method) {
        var out = Json.MAPPER.createObjectNode();
        out.put("type", "FeatureCollection");
        addFeatures(out.putArray("features"), result, counts, true);
        var params = out.putObject("parameters");
        params.put("eps", result.eps()).put("epsChosen", p.eps() == null).put("minPoints", p.minPoints());
        AnalysisJson.selection(params, p.selection());
        counts.put(out, "proposals", result.proposals());
        counts.put(out, "noise", result.noise());
        AnalysisJson.locations(out, result.stacking(), counts);
        out.put("clusters", result.clusters().size());
        out.put("raw", counts.raw());
        out.put("method", method);
        return out;
    }

    private static void addFeatures(ArrayNode features, Clusters.Result result, Counts counts, boolean centre) {
        for (var c : result.clusters()) {
            var feature = features.addObject();
            feature.put("type", "Feature");
            feature.put("id", c.number());
            feature.putRawValue("geometry", new RawValue(c.outline()));
            var props = feature.putObject("properties");
            props.put("cluster", c.number());
            counts.put(props, "members", c.members());
            if (centre) {
                props.putRawValue("centre", new RawValue(c.centre()));
            }
            var categories = props.putArray("categories");
            for (var cat : c.categories()) {
                var node = categories.addObject();
                node.put("category", cat.category());
                counts.put(node, "count", cat.count());
            }
            var top = props.putArray("mostSupported");
            for (var proposal : c.mostSupported()) {
                top.addObject().put("id", proposal.id()).put("title", proposal.title())
                        .put("supportCount", proposal.supportCount());
            }
            var words = props.putArray("words");
            for (var w : c.words()) {
                var node = words.addObject();
                node.put("word", w.word());
                counts.put(node, "count", w.count());
            }
        }
    }
}
