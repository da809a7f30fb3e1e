package nl.plein.hotspots;

import java.util.Locale;
import nl.plein.analysis.AnalysisJson;
import nl.plein.http.Numbers;

/** The method text Gi* and Moran's I share: the units, the weights, the CRS and the proposals counted. */
final class Methods {
    private Methods() {
    }

    static String describe(UnitsAndWeights p, SpatialUnits u, String statistic) {
        String units = p.unit() == UnitsAndWeights.Unit.HEXAGONS
                ? String.format(Locale.ROOT, "hexagons of edge %s m over the project's area (empty ones included)",
                        Numbers.plain(p.size()))
                : "the areas of boundary set " + p.set();
        String weights = switch (p.weights()) {
            case QUEEN -> String.format(Locale.ROOT, "queen contiguity as spdep's poly2nb finds it (neighbours have"
                    + " boundary vertices within %s m of each other in the boundary set's metric CRS; touching or"
                    + " overlapping without such a vertex is not enough)", Numbers.plain(QueenContiguity.SNAP_METRES));
            case KNN -> p.k() + " nearest neighbours between centroids (ties to the lower id)";
            case BAND -> "a distance band between centroids (0 < d ≤ band; by default the largest nearest-neighbour"
                    + " distance, so that no unit is an island)";
        };
        return statistic + ", over " + units + " in EPSG:" + u.srid() + ", with " + weights
                + "; proposals everyone can see" + (p.selection().filtered() ? ", filtered" : "")
                + ", each as one point (lines and areas by ST_PointOnSurface). Islands are reported and left out of"
                + " global statistics. " + AnalysisJson.locationsMethod(p.selection().locations());
    }
}
