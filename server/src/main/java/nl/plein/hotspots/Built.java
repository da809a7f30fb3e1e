package nl.plein.hotspots;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

/** Spatial weights over units, with the distance band they were built with (null for knn and queen). */
record Built(SpatialWeights weights, Double band) {
    /** The weights {@code u} asks for over the units {@code keep} (all when null). */
    static Built over(UnitsAndWeights u, SpatialUnits units, boolean[] keep) {
        int n = 0;
        for (int i = 0; i < units.size(); i++) {
            n += keep == null || keep[i] ? 1 : 0;
        }
        long[] ids = new long[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0, m = 0; i < units.size(); i++) {
            if (keep == null || keep[i]) {
                ids[m] = units.ids()[i];
                x[m] = units.x()[i];
                y[m] = units.y()[i];
                m++;
            }
        }
        return switch (u.weights()) {
            case QUEEN -> {
                var kept = new HashSet<Long>();
                for (long id : ids) {
                    kept.add(id);
                }
                Map<Long, long[]> neighbours = new HashMap<>();
                for (long id : ids) {
                    neighbours.put(id, Arrays.stream(units.queen().getOrDefault(id, new long[0]))
                            .filter(kept::contains).toArray());
                }
                yield new Built(SpatialWeights.fromNeighbours(ids, neighbours), null);
            }
            case KNN -> new Built(SpatialWeights.kNearest(ids, x, y, u.k()), null);
            case BAND -> {
                double band = u.band() != null ? u.band() : SpatialWeights.largestNearestNeighbourDistance(x, y);
                yield new Built(SpatialWeights.distanceBand(ids, x, y, band), band);
            }
        };
    }
}
