package nl.plein.hotspots;

import java.util.Map;
import nl.plein.analysis.Selection;
import nl.plein.hexbins.HexBins;
import nl.plein.hexbins.HexGrid;

/**
 * The units a hot-spot or Moran analysis runs over, with the selected proposals counted in each:
 * the hexagons over a project's area, or the areas of a boundary set (with their queen contiguity).
 * Coordinates are centroids in the project's metric CRS; distance weights between units use them.
 * A unit's label is what identifies it in an answer: "i,j" for a hexagon, the area's id for an area
 * (names repeat: 81 CBS wijken of 2024 are called "Groot water"); areas also carry their code and
 * name, hexagons null. Outlines are GeoJSON text as PostGIS wrote it, sent on as it is.
 */
public record SpatialUnits(long[] ids, String[] labels, String[] codes, String[] names, double[] x, double[] y,
        double[] km2, long[] proposals, String[] outlines, Map<Long, long[]> queen, int srid, long version,
        Selection.Stacking stacking) {
    public int size() {
        return ids.length;
    }

    static SpatialUnits empty(int n, Map<Long, long[]> queen, int srid, long version,
            Selection.Stacking stacking) {
        return new SpatialUnits(new long[n], new String[n], new String[n], new String[n], new double[n],
                new double[n], new double[n], new long[n], new String[n], queen, srid, version, stacking);
    }

    /** The hexagons of {@link HexBins} as units, with their counts. */
    public static SpatialUnits hexagons(HexBins.Result bins) {
        int n = bins.cells().size();
        var units = empty(n, Map.of(), bins.srid(), bins.version(), bins.stacking());
        double km2 = new HexGrid(bins.size()).cellArea() / 1e6;
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
}
