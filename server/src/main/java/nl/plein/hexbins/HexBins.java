package nl.plein.hexbins;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import nl.plein.analysis.Analyses;
import nl.plein.analysis.Analysis;
import nl.plein.analysis.AnalysisJson;
import nl.plein.analysis.Selection;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.http.Numbers;
import org.jdbi.v3.core.Handle;

/**
 * Proposals counted per hexagon (METHODS.md §7) over the project's area, empty hexagons included:
 * the grid and the points come from PostGIS (cells.sql), the binning by nearest centre from
 * {@link HexGrid}. Also the rule for the hexagons' default size, which hot spots share.
 */
public final class HexBins implements Analysis<HexBinParameters, HexBins.Result> {
    /**
     * An edge of 100 m makes hexagons of about 2.6 ha: a few streets. The default on projects small
     * enough for it; larger ones get a larger edge ({@link #defaultSize}).
     */
    public static final double DEFAULT_SIZE = 100;
    public static final double MAX_SIZE = 10_000;

    private static final String CELLS = Jdbis.sql(HexBins.class, "cells.sql");
    private static final String EXTENT = Jdbis.sql(HexBins.class, "extent.sql");

    /** One hexagon: its grid index, outline (a GeoJSON geometry in WGS 84, as PostGIS wrote it) and centre in the metric CRS. */
    public record Cell(long i, long j, String outline, double x, double y, long proposals) {
    }

    /**
     * The cells of edge {@code size}, the proposals counted and those outside every cell (beyond the
     * project's area), in the metric CRS {@code srid} at the project's analysis {@code version}.
     */
    public record Result(List<Cell> cells, double size, long proposals, long outside, int srid, long version,
            Selection.Stacking stacking) {
    }

    private final Analyses analyses;
    private final int maxCells;

    /** Hexagons under the kit {@code analyses}, at most {@code maxCells} over a project (PLEIN_ANALYSIS_MAX_CELLS). */
    public HexBins(Analyses analyses, int maxCells) {
        this.analyses = analyses;
        this.maxCells = maxCells;
    }

    @Override
    public String name() {
        return "hexbins";
    }

    @Override
    public String whenTooSlow() {
        return "try a larger size or narrower filters";
    }

    @Override
    public Result compute(Analyses.Run run, HexBinParameters p) {
        var h = run.handle();
        double extent = extent(h, run.projectId(), run.srid());
        double size = p.size() != null ? p.size() : Math.max(DEFAULT_SIZE, smallest(extent));
        var grid = new HexGrid(size);
        long estimate = (long) Math.ceil(extent / grid.cellArea());
        if (estimate > maxCells) {
            throw ApiError.invalid("size", String.format(Locale.ROOT,
                    "hexagons of %s m would make about %,d cells over this project; the most is %,d: choose a size of"
                            + " at least %.0f m", Numbers.plain(size), estimate, maxCells, smallest(extent)));
        }
        double[][] xy = p.selection().points(run);
        var counts = new HashMap<Long, Long>();
        long total = xy[0].length;
        for (int k = 0; k < xy[0].length; k++) {
            counts.merge(grid.cellOf(xy[0][k], xy[1][k]), 1L, Long::sum);
        }
        var cells = h.createQuery(CELLS).bind("project", run.projectId()).bind("srid", run.srid())
                .bind("size", grid.size())
                .map((rs, ctx) -> {
                    long i = rs.getLong("i");
                    long j = rs.getLong("j");
                    return new Cell(i, j, rs.getString("geometry"), grid.centreX(i), grid.centreY(i, j),
                            counts.getOrDefault(HexGrid.key(i, j), 0L));
                })
                .list();
        long inside = cells.stream().mapToLong(Cell::proposals).sum();
        return new Result(List.copyOf(cells), grid.size(), total, total - inside, run.srid(), run.scope().version(),
                p.selection().stacking(run));
    }

    @Override
    public String method(HexBinParameters p, Result r) {
        var selection = p.selection();
        return String.format(Locale.ROOT, "Proposals everyone can see%s, each as one point (a line or an area"
                + " by ST_PointOnSurface), counted per flat-topped hexagon of edge %s m (%.2f ha) in EPSG:%d, the grid of"
                + " PostGIS ST_HexagonGrid anchored at the CRS origin; every hexagon touching the project's area is"
                + " listed, empty ones too. A point on an edge belongs to the nearest centre, ties to the lowest (i, j). %s"
                + " Defined in Plein's server/METHODS.md §7.",
                selection.filtered() ? ", filtered" : "", Numbers.plain(r.size()),
                new HexGrid(r.size()).cellArea() / 10_000, r.srid(),
                AnalysisJson.locationsMethod(selection.locations()));
    }

    /**
     * The edge hexagons get when a request names none, chosen from the project's size: 100 m (a few
     * streets), or on a project too large for the cell limit at 100 m (a city at the default
     * PLEIN_ANALYSIS_MAX_CELLS), the smallest whole-metre edge within the limit. The one rule for
     * the hexbins, hot-spot and Moran routes, the OGC hot-spot collections, slides and reports.
     */
    public double defaultSize(long projectId) {
        return Math.max(DEFAULT_SIZE, smallestSize(projectId));
    }

    /** {@link #defaultSize(long)} inside an analysis's run. */
    public double defaultSize(Analyses.Run run) {
        return Math.max(DEFAULT_SIZE, smallest(extent(run.handle(), run.projectId(), run.srid())));
    }

    /** The smallest whole-metre edge whose hexagons over the project stay within the cell limit. */
    public double smallestSize(long projectId) {
        int srid = analyses.scope(projectId).srid();
        return smallest(analyses.jdbi().withHandle(h -> extent(h, projectId, srid)));
    }

    private double smallest(double extent) {
        return Math.ceil(HexGrid.sizeForArea(extent / maxCells));
    }

    /** The area of the project's bounding box in its metric CRS, m², which the grid covers. */
    private static double extent(Handle h, long projectId, int srid) {
        return h.createQuery(EXTENT).bind("project", projectId).bind("srid", srid).mapTo(Double.class).one();
    }
}
