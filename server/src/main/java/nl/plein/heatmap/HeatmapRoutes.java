package nl.plein.heatmap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import nl.plein.accounts.Access;
import nl.plein.analysis.AnalysisCache;
import nl.plein.analysis.AnalysisJson;
import nl.plein.analysis.ProposalSelection;
import nl.plein.analysis.SmallCounts;
import nl.plein.db.DataAccessException;
import nl.plein.db.Sql;
import nl.plein.http.ApiError;
import nl.plein.http.Json;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.projects.ProjectStore;

/**
 * A heatmap of a project's proposals: quartic kernel density (METHODS.md §6) on a grid over
 * the project's area in its metric CRS, as numbers a map or a GIS can draw. The default bandwidth is
 * ArcGIS's rule over the selected proposals; the default cell is min(width, height)/250 of the
 * project's area. Cached per project, parameters and version of the project's proposals.
 */
public final class HeatmapRoutes {
    /** 500 × 500: a fine heatmap over any city, and a few megabytes of numbers at most. */
    public static final long MAX_CELLS = 250_000;
    public static final double MAX_BANDWIDTH = 10_000;

    private static final String EXTENT = """
            SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
              FROM (SELECT ST_Extent(ST_Transform(area, ?)) AS e FROM projects WHERE id = ?) x""";
    private static final String CORNERS = """
            SELECT ST_AsGeoJSON(ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, ?), 4326), 7)""";

    private final DataSource dataSource;
    private final ProjectStore projects;
    private final ZoneId zone;
    private final Duration timeout;
    private final AnalysisCache<String> cache = new AnalysisCache<>(32);

    private final SmallCounts smallCounts;

    public HeatmapRoutes(DataSource dataSource, ProjectStore projects, SmallCounts smallCounts, ZoneId zone,
            Duration timeout) {
        this.dataSource = dataSource;
        this.smallCounts = smallCounts;
        this.projects = projects;
        this.zone = zone;
        this.timeout = timeout;
    }

    public void get(Context ctx) {
        var names = new ArrayList<>(List.of("bandwidth", "cellSize"));
        names.addAll(List.of(ProposalSelection.PARAMETERS));
        var query = Query.of(ctx, names.toArray(String[]::new));
        long projectId = Requests.pathId(ctx, "id", "Project");
        Double bandwidth = query.number("bandwidth", 0, true, MAX_BANDWIDTH).orElse(null);
        Double cellSize = query.number("cellSize", 0, true, 10_000).orElse(null);
        var selection = ProposalSelection.from(query, projects.rules(projectId));
        var scope = ProposalSelection.Scope.of(dataSource, projectId);
        boolean raw = Access.viewer(ctx).role().plans();
        var key = scope.key("heatmap", projectId, bandwidth + " " + cellSize + " " + selection + " " + raw);
        String json = cache.get(key, () -> Json.write(compute(projectId, bandwidth, cellSize, selection, scope, raw)));
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType("application/json").result(json);
    }

    private ObjectNode compute(long projectId, Double bandwidth, Double cellSize, ProposalSelection selection,
            ProposalSelection.Scope scope, boolean raw) {
        try {
            return Sql.transaction(dataSource, c -> {
                ProposalSelection.limit(c, timeout);
                double[][] xy = selection.points(c, projectId, zone, scope.srid());
                if (xy[0].length == 0) {
                    throw ApiError.conflict("project", "no proposals match: there is nothing to draw a heatmap of");
                }
                var bounds = Sql.one(c, EXTENT, rs -> new Bounds(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3),
                        rs.getDouble(4)), scope.srid(), projectId).orElseThrow();
                double h;
                try {
                    h = bandwidth != null ? bandwidth : KernelDensity.defaultBandwidth(xy[0], xy[1]);
                } catch (IllegalArgumentException e) {
                    throw ApiError.invalid("bandwidth", "the default bandwidth cannot be derived from "
                            + xy[0].length + " proposal(s) in one place; give a bandwidth in metres");
                }
                double cell = cellSize != null ? cellSize : KernelDensity.defaultCellSize(bounds);
                DensityGrid grid;
                try {
                    grid = KernelDensity.grid(xy[0], xy[1], null, h, bounds, cell, MAX_CELLS);
                } catch (IllegalArgumentException e) {
                    long cells = (long) Math.ceil(bounds.width() / cell) * (long) Math.ceil(bounds.height() / cell);
                    throw ApiError.invalid("cellSize", String.format(Locale.ROOT, "a cell of %.1f m makes %,d cells over"
                            + " this project; the most is %,d: choose a larger cell", cell, cells, MAX_CELLS));
                }
                var out = Json.MAPPER.createObjectNode();
                out.put("type", "DensityGrid");
                out.put("crs", "EPSG:" + scope.srid());
                out.put("originX", grid.originX()).put("originY", grid.originY()).put("cellSize", grid.cellSize())
                        .put("columns", grid.columns()).put("rows", grid.rows());
                out.put("bandwidth", grid.bandwidth()).put("defaultBandwidth", bandwidth == null);
                out.put("unit", "proposals per km²");
                out.put("maxValue", grid.maxValue());
                out.put("proposals", xy[0].length);
                AnalysisJson.locations(out, selection.stacking(c, projectId, zone, scope.srid()), raw, smallCounts);
                var values = out.putArray("values");
                for (double v : grid.values()) {
                    // four significant decimals per km² are far below anything a colour can show
                    values.add(Math.round(v * 1e4) / 1e4);
                }
                String corners = Sql.one(c, CORNERS, rs -> rs.getString(1), grid.originX(), grid.originY(),
                        grid.originX() + grid.columns() * grid.cellSize(), grid.originY() + grid.rows() * grid.cellSize(),
                        scope.srid()).orElseThrow();
                out.set("outline", Json.parse(corners.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                var params = out.putObject("parameters");
                params.put("bandwidth", bandwidth).put("cellSize", cellSize);
                AnalysisJson.selection(params, selection);
                out.put("method", String.format(Locale.ROOT, "Quartic kernel density of the proposals everyone can"
                        + " see%s, each as one point (lines and areas by ST_PointOnSurface), in EPSG:%d: f(s) = Σ 3/(π h²)"
                        + " (1 − d²/h²)² for d < h, per km², evaluated at the centres of %d × %d cells of %.1f m over the"
                        + " project's area (values row by row from the south-west). Bandwidth h = %.1f m%s. A heatmap"
                        + " shows where proposals are dense, smoothed over h; it depends on h, does not test anything,"
                        + " and shows proposals, not people. %s Defined in Plein's server/METHODS.md §6.", selection.filtered() ? ", filtered" : "", scope.srid(),
                        grid.columns(), grid.rows(), grid.cellSize(), grid.bandwidth(), bandwidth == null
                                ? " (ArcGIS's default: 0.9 · min(SD, √(1/ln 2) · Dm) · n^−0.2, SD the standard distance,"
                                        + " Dm the median distance to the mean centre)" : "",
                        AnalysisJson.locationsMethod(selection.locations())));
                return out;
            });
        } catch (DataAccessException e) {
            throw ProposalSelection.timedOut(e, "try a larger cell or narrower filters");
        }
    }
}
