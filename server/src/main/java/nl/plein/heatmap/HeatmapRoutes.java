package nl.plein.heatmap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.javalin.http.Context;
import nl.plein.accounts.Access;
import nl.plein.analysis.Analyses;
import nl.plein.analysis.AnalysisJson;
import nl.plein.analysis.Counts;
import nl.plein.http.Json;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.projects.ProjectStore;

/** A heatmap of a project's proposals ({@link Heatmap}) as numbers a map or a GIS can draw. */
public final class HeatmapRoutes {
    private final Analyses analyses;
    private final Heatmap heatmap;
    private final ProjectStore projects;

    public HeatmapRoutes(Analyses analyses, Heatmap heatmap, ProjectStore projects) {
        this.analyses = analyses;
        this.heatmap = heatmap;
        this.projects = projects;
    }

    public void get(Context ctx) {
        var query = Query.of(ctx, HeatmapParameters.QUERY.toArray(String[]::new));
        long projectId = Requests.pathId(ctx, "id", "Project");
        var parameters = HeatmapParameters.from(query, () -> projects.rules(projectId));
        boolean raw = Access.viewer(ctx).role().plans();
        ctx.header("Cache-Control", "private, no-store");
        // A heatmap shows densities of proposals, not counts of people: its method text names no
        // small-count rule (the shared locations it reports follow it all the same).
        ctx.contentType("application/json").result(analyses.written(heatmap, projectId, parameters, raw,
                result -> Json.write(json(result, parameters, analyses.counts(raw), heatmap.method(parameters, result)))));
    }

    private static ObjectNode json(Heatmap.Result r, HeatmapParameters p, Counts counts, String method) {
        var grid = r.grid();
        var out = Json.MAPPER.createObjectNode();
        out.put("type", "DensityGrid");
        out.put("crs", "EPSG:" + r.srid());
        out.put("originX", grid.originX()).put("originY", grid.originY()).put("cellSize", grid.cellSize())
                .put("columns", grid.columns()).put("rows", grid.rows());
        out.put("bandwidth", grid.bandwidth()).put("defaultBandwidth", p.bandwidth() == null);
        out.put("unit", "proposals per km²");
        out.put("maxValue", grid.maxValue());
        out.put("proposals", r.proposals());
        AnalysisJson.locations(out, r.stacking(), counts);
        var values = out.putArray("values");
        for (double v : grid.values()) {
            // four significant decimals per km² are far below anything a colour can show
            values.add(Math.round(v * 1e4) / 1e4);
        }
        out.putRawValue("outline", new RawValue(r.outline()));
        var params = out.putObject("parameters");
        params.put("bandwidth", p.bandwidth()).put("cellSize", p.cellSize());
        AnalysisJson.selection(params, p.selection());
        out.put("method", method);
        return out;
    }
}
