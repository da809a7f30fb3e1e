package nl.plein.hotspots;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import nl.plein.analysis.AnalysisCache;
import nl.plein.db.DataAccessException;
import nl.plein.analysis.ProposalSelection;
import nl.plein.db.NamedSql;
import nl.plein.db.Sql;
import nl.plein.hexbins.HexBinStore;
import nl.plein.hexbins.HexGrid;
import nl.plein.http.ApiError;
import nl.plein.http.Json;

/**
 * The units a hot-spot or Moran analysis runs over, with the selected proposals counted in each:
 * the hexagons over a project's area, or the areas of a boundary set (with their queen contiguity).
 * Coordinates are centroids in the project's metric CRS; distance weights between units use them.
 * A unit's label is what identifies it in an answer: "i,j" for a hexagon, the area's id for an area
 * (names repeat: 81 CBS wijken of 2024 are called "Groot water"); areas also carry their code and
 * name, hexagons null.
 */
public record SpatialUnits(long[] ids, String[] labels, String[] codes, String[] names, double[] x, double[] y,
        double[] km2, long[] proposals, JsonNode[] outlines, Map<Long, long[]> queen, int srid, long version,
        ProposalSelection.Stacking stacking) {
    private static final ProposalSelection.Statement AREA_UNITS = ProposalSelection.Statement.of(
            Sql.load(SpatialUnits.class, "area-units.sql"));

    public int size() {
        return ids.length;
    }

    public static SpatialUnits hexagons(HexBinStore store, long projectId, double size, ProposalSelection selection) {
        var bins = store.bins(projectId, size, selection);
        int n = bins.cells().size();
        var units = new SpatialUnits(new long[n], new String[n], new String[n], new String[n], new double[n],
                new double[n], new double[n], new long[n], new JsonNode[n], Map.of(), bins.srid(), bins.version(),
                bins.stacking());
        double km2 = new HexGrid(size).cellArea() / 1e6;
        for (int k = 0; k < n; k++) {
            var cell = bins.cells().get(k);
            units.ids[k] = HexGrid.key(cell.i(), cell.j());
            units.labels[k] = cell.i() + "," + cell.j();
            units.x[k] = cell.x();
            units.y[k] = cell.y();
            units.km2[k] = km2;
            units.proposals[k] = cell.proposals();
            units.outlines[k] = cell.outline();
        }
        return units;
    }

    /** Queen contiguity of a set's areas: a set's areas never change once loaded, so it is computed once. */
    private static Map<Long, long[]> queen(Connection c, long setId) {
        try {
            return QueenContiguity.of(c, setId);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * The areas of a set as units; their queen contiguity comes from {@code queens}, the caller's
     * cache (per database: set ids repeat across databases).
     */
    public static SpatialUnits areas(DataSource dataSource, ZoneId zone, long projectId, long setId,
            ProposalSelection selection, Duration timeout, AnalysisCache<Map<Long, long[]>> queens) {
        var scope = ProposalSelection.Scope.of(dataSource, projectId);
        Map<String, Object> values = selection.values(projectId, zone);
        values.put("srid", scope.srid());
        values.put("set", setId);
        try {
            return Sql.transaction(dataSource, c -> {
                ProposalSelection.limit(c, timeout);
                return read(c, values, setId, scope, selection.stacking(c, projectId, zone, scope.srid()),
                        AREA_UNITS.of(selection), queens);
            });
        } catch (DataAccessException e) {
            throw ProposalSelection.timedOut(e, "try hexagons, or a boundary set with fewer areas");
        }
    }

    private static SpatialUnits read(Connection c, Map<String, Object> values, long setId, ProposalSelection.Scope scope,
            ProposalSelection.Stacking stacking, NamedSql areaUnits, AnalysisCache<Map<Long, long[]>> queens)
            throws SQLException {
        boolean exists = Sql.one(c, "SELECT 1 FROM area_sets WHERE id = ?", rs -> true, setId).isPresent();
        if (!exists) {
            throw ApiError.invalid("set", "there is no boundary set " + setId);
        }
        record Row(long id, String code, String name, double x, double y, double km2, long proposals, String outline) {
        }
        List<Row> rows = Sql.list(c, areaUnits.sql(), rs -> new Row(rs.getLong("id"), rs.getString("code"),
                rs.getString("name"), rs.getDouble("x"), rs.getDouble("y"), rs.getDouble("km2"), rs.getLong("proposals"),
                rs.getString("outline")), areaUnits.bind(values));
        Map<Long, long[]> queen = queens.get(new AnalysisCache.Key("queen", 0, scope.srid(), setId, ""),
                () -> queen(c, setId));
        int n = rows.size();
        var units = new SpatialUnits(new long[n], new String[n], new String[n], new String[n], new double[n],
                new double[n], new double[n], new long[n], new JsonNode[n], queen, scope.srid(), scope.version(), stacking);
        for (int k = 0; k < n; k++) {
            var r = rows.get(k);
            units.ids[k] = r.id();
            units.labels[k] = Long.toString(r.id());
            units.codes[k] = r.code();
            units.names[k] = r.name();
            units.x[k] = r.x();
            units.y[k] = r.y();
            units.km2[k] = r.km2();
            units.proposals[k] = r.proposals();
            units.outlines[k] = Json.parse(r.outline().getBytes(StandardCharsets.UTF_8));
        }
        return units;
    }
}
