package nl.plein.hexbins;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.plein.analysis.AnalysisCache;
import nl.plein.analysis.ProposalSelection;
import nl.plein.db.DataAccessException;
import nl.plein.db.NamedSql;
import nl.plein.db.Sql;
import nl.plein.http.ApiError;
import nl.plein.http.Json;
import nl.plein.http.Numbers;

/**
 * Proposals counted per hexagon (METHODS.md §7) over the project's area, empty hexagons
 * included: the grid and the points come from PostGIS, the binning by nearest centre from
 * {@link HexGrid}. Cached per project, parameters and version of the project's proposals.
 */
public final class HexBinStore {
    private static final NamedSql CELLS = NamedSql.of(Sql.load(HexBinStore.class, "cells.sql"));
    private static final String EXTENT = "SELECT ST_Area(ST_Envelope(ST_Transform(area, ?))) FROM projects WHERE id = ?";

    /** One hexagon: its grid index, outline (GeoJSON, WGS 84) and centre in the metric CRS. */
    public record Cell(long i, long j, JsonNode outline, double x, double y, long proposals) {
    }

    /** The cells, the proposals counted and those outside every cell (beyond the project's area). */
    public record Result(List<Cell> cells, double size, long proposals, long outside, int srid, long version,
            ProposalSelection.Stacking stacking) {
    }

    private final DataSource dataSource;
    private final Duration timeout;
    private final ZoneId zone;
    private final int maxCells;
    private final AnalysisCache<Result> cache = new AnalysisCache<>(64);

    public HexBinStore(DataSource dataSource, Duration timeout, ZoneId zone, int maxCells) {
        this.dataSource = dataSource;
        this.timeout = timeout;
        this.zone = zone;
        this.maxCells = maxCells;
    }

    public Result bins(long projectId, double size, ProposalSelection selection) {
        var scope = ProposalSelection.Scope.of(dataSource, projectId);
        var grid = new HexGrid(size);
        double extent = extent(projectId, scope.srid());
        long estimate = (long) Math.ceil(extent / grid.cellArea());
        if (estimate > maxCells) {
            throw ApiError.invalid("size", String.format(java.util.Locale.ROOT,
                    "hexagons of %s m would make about %,d cells over this project; the most is %,d: choose a size of"
                            + " at least %.0f m", Numbers.plain(size), estimate, maxCells, smallest(extent)));
        }
        var key = scope.key("hexbins", projectId, size + " " + selection);
        return cache.get(key, () -> compute(projectId, grid, selection, scope));
    }

    /** The smallest whole-metre edge whose hexagons over the project stay within the cell limit. */
    public double smallestSize(long projectId) {
        return smallest(extent(projectId, ProposalSelection.Scope.of(dataSource, projectId).srid()));
    }

    /**
     * The edge hexagons get when a request names none, chosen from the project's size: 100 m (a few
     * streets), or on a project too large for the cell limit at 100 m (a city at the default
     * PLEIN_ANALYSIS_MAX_CELLS), the smallest whole-metre edge within the limit. The one rule for
     * the hexbins, hot-spot and Moran routes, the OGC hot-spot collections, slides and reports.
     */
    public double defaultSize(long projectId) {
        return Math.max(HexBinRoutes.DEFAULT_SIZE, smallestSize(projectId));
    }

    private double smallest(double extent) {
        return Math.ceil(HexGrid.sizeForArea(extent / maxCells));
    }

    /** The area of the project's bounding box in its metric CRS, m², which the grid covers. */
    private double extent(long projectId, int srid) {
        return Sql.read(dataSource, c -> Sql.one(c, EXTENT, rs -> rs.getDouble(1), srid, projectId)).orElseThrow();
    }

    private Result compute(long projectId, HexGrid grid, ProposalSelection selection, ProposalSelection.Scope scope) {
        Map<String, Object> values = selection.values(projectId, zone);
        values.put("srid", scope.srid());
        values.put("size", grid.size());
        try {
            return Sql.transaction(dataSource, c -> {
                ProposalSelection.limit(c, timeout);
                double[][] xy = selection.points(c, projectId, zone, scope.srid());
                var counts = new HashMap<Long, Long>();
                long total = xy[0].length;
                for (int k = 0; k < xy[0].length; k++) {
                    counts.merge(grid.cellOf(xy[0][k], xy[1][k]), 1L, Long::sum);
                }
                var cells = Sql.list(c, CELLS.sql(), rs -> {
                    long i = rs.getLong(1);
                    long j = rs.getLong(2);
                    return new Cell(i, j, Json.parse(rs.getString(3).getBytes(StandardCharsets.UTF_8)), grid.centreX(i),
                            grid.centreY(i, j), counts.getOrDefault(HexGrid.key(i, j), 0L));
                }, CELLS.bind(values));
                long inside = cells.stream().mapToLong(Cell::proposals).sum();
                return new Result(List.copyOf(cells), grid.size(), total, total - inside, scope.srid(),
                        scope.version(), selection.stacking(c, projectId, zone, scope.srid()));
            });
        } catch (DataAccessException e) {
            throw ProposalSelection.timedOut(e, "try a larger size or narrower filters");
        }
    }

}
