package nl.plein.heatmap;

import java.util.Locale;
import nl.plein.analysis.Analyses;
import nl.plein.analysis.Analysis;
import nl.plein.analysis.AnalysisJson;
import nl.plein.analysis.Selection;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;

/**
 * A heatmap of a project's proposals: quartic kernel density (METHODS.md §6) on a grid over the
 * project's area in its metric CRS. The default bandwidth is ArcGIS's rule over the selected
 * proposals; the default cell is min(width, height)/250 of the project's area.
 */
public final class Heatmap implements Analysis<HeatmapParameters, Heatmap.Result> {
    /** 500 × 500: a fine heatmap over any city, and a few megabytes of numbers at most. */
    public static final long MAX_CELLS = 250_000;

    private static final String EXTENT = Jdbis.sql(Heatmap.class, "extent.sql");
    private static final String OUTLINE = Jdbis.sql(Heatmap.class, "outline.sql");

    /**
     * The density grid in the metric CRS {@code srid}, over {@code proposals} points, with the grid's
     * outline (a GeoJSON geometry in WGS 84, as PostGIS wrote it).
     */
    public record Result(DensityGrid grid, int proposals, int srid, String outline, Selection.Stacking stacking) {
    }

    @Override
    public String name() {
        return "heatmap";
    }

    @Override
    public String whenTooSlow() {
        return "try a larger cell or narrower filters";
    }

    @Override
    public Result compute(Analyses.Run run, HeatmapParameters p) {
        var h = run.handle();
        double[][] xy = p.selection().points(run);
        if (xy[0].length == 0) {
            throw ApiError.conflict("project", "no proposals match: there is nothing to draw a heatmap of");
        }
        var bounds = h.createQuery(EXTENT).bind("project", run.projectId()).bind("srid", run.srid())
                .map((rs, ctx) -> new Bounds(rs.getDouble("min_x"), rs.getDouble("min_y"), rs.getDouble("max_x"),
                        rs.getDouble("max_y")))
                .one();
        double bandwidth;
        try {
            bandwidth = p.bandwidth() != null ? p.bandwidth() : KernelDensity.defaultBandwidth(xy[0], xy[1]);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("bandwidth", "the default bandwidth cannot be derived from "
                    + xy[0].length + " proposal(s) in one place; give a bandwidth in metres");
        }
        double cell = p.cellSize() != null ? p.cellSize() : KernelDensity.defaultCellSize(bounds);
        DensityGrid grid;
        try {
            grid = KernelDensity.grid(xy[0], xy[1], null, bandwidth, bounds, cell, MAX_CELLS);
        } catch (IllegalArgumentException e) {
            long cells = (long) Math.ceil(bounds.width() / cell) * (long) Math.ceil(bounds.height() / cell);
            throw ApiError.invalid("cellSize", String.format(Locale.ROOT, "a cell of %.1f m makes %,d cells over"
                    + " this project; the most is %,d: choose a larger cell", cell, cells, MAX_CELLS));
        }
        String outline = h.createQuery(OUTLINE)
                .bind("minx", grid.originX()).bind("miny", grid.originY())
                .bind("maxx", grid.originX() + grid.columns() * grid.cellSize())
                .bind("maxy", grid.originY() + grid.rows() * grid.cellSize())
                .bind("srid", run.srid())
                .mapTo(String.class).one();
        return new Result(grid, xy[0].length, run.srid(), outline, p.selection().stacking(run));
    }

    @Override
    public String method(HeatmapParameters p, Result r) {
        var grid = r.grid();
        return String.format(Locale.ROOT, "Quartic kernel density of the proposals everyone can"
                + " see%s, each as one point (lines and areas by ST_PointOnSurface), in EPSG:%d: f(s) = Σ 3/(π h²)"
                + " (1 − d²/h²)² for d < h, per km², evaluated at the centres of %d × %d cells of %.1f m over the"
                + " project's area (values row by row from the south-west). Bandwidth h = %.1f m%s. A heatmap"
                + " shows where proposals are dense, smoothed over h; it depends on h, does not test anything,"
                + " and shows proposals, not people. %s Defined in Plein's server/METHODS.md §6.",
                p.selection().filtered() ? ", filtered" : "", r.srid(),
                grid.columns(), grid.rows(), grid.cellSize(), grid.bandwidth(), p.bandwidth() == null
                        ? " (ArcGIS's default: 0.9 · min(SD, √(1/ln 2) · Dm) · n^−0.2, SD the standard distance,"
                                + " Dm the median distance to the mean centre)" : "",
                AnalysisJson.locationsMethod(p.selection().locations()));
    }
}
