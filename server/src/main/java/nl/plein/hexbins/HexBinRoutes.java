package nl.plein.hexbins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.javalin.http.Context;
import nl.plein.accounts.Access;
import nl.plein.analysis.Analyses;
import nl.plein.analysis.AnalysisJson;
import nl.plein.analysis.Counts;
import nl.plein.http.GeoJson;
import nl.plein.http.Json;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.projects.ProjectStore;

/**
 * Proposals per hexagon over a project's area ({@link HexBins}) as GeoJSON: every hexagon that
 * touches the area, empty ones included, with its count. Planners see raw counts; everyone else the
 * small-count rule.
 */
public final class HexBinRoutes {
    private final Analyses analyses;
    private final HexBins hexBins;
    private final ProjectStore projects;

    public HexBinRoutes(Analyses analyses, HexBins hexBins, ProjectStore projects) {
        this.analyses = analyses;
        this.hexBins = hexBins;
        this.projects = projects;
    }

    public void get(Context ctx) {
        var query = Query.of(ctx, HexBinParameters.QUERY.toArray(String[]::new));
        long projectId = Requests.pathId(ctx, "id", "Project");
        var parameters = HexBinParameters.from(query, () -> projects.rules(projectId));
        var result = analyses.run(hexBins, projectId, parameters);
        boolean raw = Access.viewer(ctx).role().plans();
        ctx.header("Cache-Control", "private, no-store");
        GeoJson.send(ctx, "application/geo+json", Json.write(geoJson(result, parameters, analyses.counts(raw),
                analyses.method(hexBins, parameters, result, raw))));
    }

    private static ObjectNode geoJson(HexBins.Result result, HexBinParameters p, Counts counts, String method) {
        var out = Json.MAPPER.createObjectNode();
        out.put("type", "FeatureCollection");
        var features = out.putArray("features");
        for (var cell : result.cells()) {
            var feature = features.addObject();
            feature.put("type", "Feature");
            feature.put("id", cell.i() + "," + cell.j());
            feature.putRawValue("geometry", new RawValue(cell.outline()));
            var props = feature.putObject("properties");
            props.put("i", cell.i()).put("j", cell.j());
            counts.put(props, "proposals", cell.proposals());
        }
        var params = out.putObject("parameters");
        params.put("size", result.size());
        AnalysisJson.selection(params, p.selection());
        counts.put(out, "proposals", result.proposals());
        counts.put(out, "outside", result.outside());
        AnalysisJson.locations(out, result.stacking(), counts);
        out.put("cells", result.cells().size());
        out.put("raw", counts.raw());
        out.put("method", method);
        return out;
    }
}
