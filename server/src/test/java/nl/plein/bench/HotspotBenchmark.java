package nl.plein.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import nl.plein.hotspots.GetisOrdGiStar;
import nl.plein.hotspots.MoranGlobal;
import nl.plein.hotspots.MoranLocal;
import nl.plein.hotspots.SpatialWeights;

/**
 * Measures the hot spot statistics on synthetic data (no database). Not a test: run its
 * {@code main} with the server's test and main classes on the class path. It prints median
 * wall-clock times over several runs after a warm-up:
 *
 * <ol>
 *   <li>Gi* (analytic) on 10,000 hexagon-like points with a default distance band, including
 *       finding the band and building the weights (target under 1 s);
 *   <li>global Moran's I and local Moran (LISA), each with 999 permutations, on 3,475 hexagonal
 *       areas with 6 neighbours each away from the edge (target under 3 s for both).
 * </ol>
 */
public final class HotspotBenchmark {
    private static final int WARM_UP = 5;
    private static final int RUNS = 11;

    public static void main(String[] args) {
        giStar(10_000);
        moran(3_475);
    }

    private static void giStar(int n) {
        var hex = hexagons(n, 100.0);
        double[] values = field(hex, 1);
        long[] ids = hex.ids;
        measure("Gi* analytic, " + n + " points, band weights built", () -> {
            double band = SpatialWeights.largestNearestNeighbourDistance(hex.x, hex.y);
            var w = SpatialWeights.distanceBand(ids, hex.x, hex.y, band);
            return GetisOrdGiStar.compute(w, values).classes().length;
        });
        double band = SpatialWeights.largestNearestNeighbourDistance(hex.x, hex.y);
        var w = SpatialWeights.distanceBand(ids, hex.x, hex.y, band);
        measure("  of which building the weights", () -> SpatialWeights.distanceBand(ids, hex.x, hex.y,
                SpatialWeights.largestNearestNeighbourDistance(hex.x, hex.y)).size());
        measure("  of which Gi* itself", () -> GetisOrdGiStar.compute(w, values).classes().length);
        measure("Gi* with 999 permutations, same weights", () -> GetisOrdGiStar.compute(w, values, 999, 1L).z().length);
        System.out.printf(Locale.ROOT, "  band %.3f m, mean neighbours %.2f%n", band, meanNeighbours(w));
    }

    private static void moran(int n) {
        var hex = hexagons(n, 250.0);
        double[] values = field(hex, 2);
        var w = SpatialWeights.fromNeighbours(hex.ids, hex.neighbours);
        System.out.printf(Locale.ROOT, "%d areas, mean neighbours %.2f%n", n, meanNeighbours(w));
        measure("global Moran, 999 permutations", () -> MoranGlobal.compute(w, values, 999, 1L).n());
        measure("LISA, 999 permutations", () -> MoranLocal.compute(w, values, 999, 1L).clusters().length);
        measure("global Moran + LISA, 999 permutations each", () -> MoranGlobal.compute(w, values, 999, 1L).n()
                + MoranLocal.compute(w, values, 999, 1L).clusters().length);
    }

    private static void measure(String what, Supplier<Integer> work) {
        long sink = 0;
        for (int r = 0; r < WARM_UP; r++) {
            sink += work.get();
        }
        double[] millis = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long start = System.nanoTime();
            sink += work.get();
            millis[r] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%-55s median %8.1f ms  (min %.1f, max %.1f)%s%n", what, millis[RUNS / 2],
                millis[0], millis[RUNS - 1], sink == 42 ? " " : "");
    }

    private static double meanNeighbours(SpatialWeights w) {
        long total = 0;
        for (int i = 0; i < w.size(); i++) {
            total += w.neighbourIds(i).length;
        }
        return (double) total / w.size();
    }

    /** Centres of flat-topped hexagons on a near-square patch, with their six contiguous neighbours. */
    private record Hexagons(long[] ids, double[] x, double[] y, Map<Long, long[]> neighbours) {
    }

    private static Hexagons hexagons(int n, double size) {
        int columns = (int) Math.ceil(Math.sqrt(n));
        long[] ids = new long[n];
        double[] x = new double[n];
        double[] y = new double[n];
        var index = new HashMap<Long, Integer>();
        for (int i = 0; i < n; i++) {
            int q = i % columns;
            int r = i / columns;
            ids[i] = 1_000_000L + 7L * i;
            // flat-topped: columns 1.5·size apart, odd columns shifted half a row (√3/2·size) up
            x[i] = 1.5 * size * q;
            y[i] = Math.sqrt(3) * size * (r + (q % 2) * 0.5);
            index.put(key(q, r), i);
        }
        var neighbours = new HashMap<Long, long[]>();
        for (int i = 0; i < n; i++) {
            int q = i % columns;
            int r = i / columns;
            // odd columns sit half a row higher, so an even column's side neighbours are on rows
            // r-1 and r, an odd column's on rows r and r+1
            int shift = q % 2;
            int[][] around = {{0, -1}, {0, 1}, {-1, shift - 1}, {-1, shift}, {1, shift - 1}, {1, shift}};
            long[] list = Arrays.stream(around)
                    .map(d -> index.get(key(q + d[0], r + d[1])))
                    .filter(j -> j != null)
                    .mapToLong(j -> ids[j]).toArray();
            neighbours.put(ids[i], list);
        }
        return new Hexagons(ids, x, y, neighbours);
    }

    private static long key(int q, int r) {
        return ((long) q << 32) ^ (r & 0xffffffffL);
    }

    /** A smooth surface with two bumps plus seeded noise, so there is something to find. */
    private static double[] field(Hexagons hex, long seed) {
        var random = new SplittableRandom(seed);
        double maxX = Arrays.stream(hex.x).max().orElse(1);
        double maxY = Arrays.stream(hex.y).max().orElse(1);
        double[] values = new double[hex.x.length];
        for (int i = 0; i < values.length; i++) {
            double u = hex.x[i] / maxX;
            double v = hex.y[i] / maxY;
            values[i] = 5 * Math.exp(-40 * ((u - 0.3) * (u - 0.3) + (v - 0.3) * (v - 0.3)))
                    - 3 * Math.exp(-40 * ((u - 0.7) * (u - 0.7) + (v - 0.6) * (v - 0.6)))
                    + random.nextGaussian();
        }
        return values;
    }
}
