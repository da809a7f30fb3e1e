package nl.plein.hexbins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.plein.accounts.Access;
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
 * Proposals per hexagon over a project's area, as GeoJSON: every hexagon that touches the area, empty
 * ones included, with its count. Planners see raw counts; everyone else the small-count rule.
 */
public final class HexBinRoutes {
    /**
     * An edge of 100 m makes hexagons of about 2.6 ha: a few streets. The default on projects small
     * enough for it; larger ones get a larger edge ({@link HexBinStore#defaultSize}).
     */
    public static final double DEFAULT_SIZE = 100;
    public static final double MAX_SIZE = 10_000;

    private final HexBinStore store;
    private final ProjectStore projects;
    private final SmallCounts smallCounts;

    public HexBinRoutes(HexBinStore store, ProjectStore projects, SmallCounts smallCounts) {
        this.store = store;
        this.projects = projects;
        this.smallCounts = smallCounts;
    }

    public void get(Context ctx) {
        var names = new ArrayList<>(List.of("size"));
        names.addAll(List.of(ProposalSelection.PARAMETERS));
        var query = Query.of(ctx, names.toArray(String[]::new));
        long projectId = Requests.pathId(ctx, "id", "Project");
        double size = query.number("size", 1, false, MAX_SIZE).orElseGet(() -> store.defaultSize(projectId));
        var selection = ProposalSelection.from(query, projects.rules(projectId));
        var result = store.bins(projectId, size, selection);
        boolean raw = Access.viewer(ctx).role().plans();
        ctx.header("Cache-Control", "private, no-store");
        GeoJson.send(ctx, "application/geo+json", Json.write(geoJson(result, selection, raw)));
    }

    private ObjectNode geoJson(HexBinStore.Result result, ProposalSelection selection, boolean raw) {
        var out = Json.MAPPER.createObjectNode();
        out.put("type", "FeatureCollection");
        var features = out.putArray("features");
        for (var cell : result.cells()) {
            var feature = features.addObject();
            feature.put("type", "Feature");
            feature.put("id", cell.i() + "," + cell.j());
            feature.set("geometry", cell.outline());
            var props = feature.putObject("properties");
            props.put("i", cell.i()).put("j", cell.j());
            AnalysisJson.count(props, "proposals", cell.proposals(), raw, smallCounts);
        }
        var params = out.putObject("parameters");
        params.put("size", result.size());
        AnalysisJson.selection(params, selection);
        AnalysisJson.count(out, "proposals", result.proposals(), raw, smallCounts);
        AnalysisJson.count(out, "outside", result.outside(), raw, smallCounts);
        AnalysisJson.locations(out, result.stacking(), raw, smallCounts);
        out.put("cells", result.cells().size());
        out.put("raw", raw);
        String method = String.format(Locale.ROOT, "Proposals everyone can see%s, each as one point (a line or an area"
                + " by ST_PointOnSurface), counted per flat-topped hexagon of edge %s m (%.2f ha) in EPSG:%d, the grid of"
                + " PostGIS ST_HexagonGrid anchored at the CRS origin; every hexagon touching the project's area is"
                + " listed, empty ones too. A point on an edge belongs to the nearest centre, ties to the lowest (i, j). %s"
                + " Defined in Plein's server/METHODS.md §7.",
                selection.filtered() ? ", filtered" : "", Numbers.plain(result.size()),
                new HexGrid(result.size()).cellArea() / 10_000, result.srid(),
                AnalysisJson.locationsMethod(selection.locations()));
        out.put("method", raw ? method : method + " " + smallCounts.describe());
        return out;
    }

}
