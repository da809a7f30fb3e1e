package nl.plein.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import nl.plein.heatmap.Bounds;
import nl.plein.heatmap.DensityGrid;
import nl.plein.heatmap.KernelDensity;

/**
 * Measures {@link KernelDensity#grid} with 100,000 seeded points on a 250 × 250 grid, with the default
 * bandwidth and with two wider ones. Not a test and needs no database: after {@code mvn test-compile},
 * run from the server directory
 * {@code java -cp target/classes:target/test-classes nl.plein.bench.HeatmapBenchmark}.
 * Prints the median of 7 timed runs after 3 warm-up runs.
 */
public final class HeatmapBenchmark {
    private static final int POINTS = 100_000;
    private static final int RUNS = 7;
    private static final int WARM_UP = 3;

    public static void main(String[] args) {
        var random = new Random(20261128);
        double[] x = new double[POINTS];
        double[] y = new double[POINTS];
        double[] w = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            if (i % 4 == 0) { // a quarter spread evenly over 10 km × 10 km, the rest in five neighbourhoods
                x[i] = 115_000 + random.nextDouble() * 10_000;
                y[i] = 480_000 + random.nextDouble() * 10_000;
            } else {
                int centre = i % 5;
                x[i] = 117_000 + centre * 1_500 + random.nextGaussian() * 600;
                y[i] = 482_000 + centre * 1_300 + random.nextGaussian() * 600;
            }
            w[i] = 1 + random.nextInt(3);
        }
        var bounds = new Bounds(115_000, 480_000, 125_000, 490_000);
        double cell = KernelDensity.defaultCellSize(bounds);
        double h = KernelDensity.defaultBandwidth(x, y);
        System.out.printf(Locale.ROOT, "%,d points, 250 × 250 cells of %.0f m%n", POINTS, cell);
        measure("default bandwidth", x, y, w, h, bounds, cell);
        measure("bandwidth 1 km", x, y, w, 1_000, bounds, cell);
        measure("bandwidth 2 km", x, y, w, 2_000, bounds, cell);
    }

    private static void measure(String name, double[] x, double[] y, double[] w, double h, Bounds bounds, double cell) {
        long[] nanos = new long[RUNS];
        DensityGrid grid = null;
        for (int run = -WARM_UP; run < RUNS; run++) {
            long start = System.nanoTime();
            grid = KernelDensity.grid(x, y, w, h, bounds, cell);
            if (run >= 0) {
                nanos[run] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-18s h = %6.0f m (%4.1f cells): median %6.1f ms, fastest %6.1f ms, max %.1f per km²%n",
                name, h, h / cell, nanos[RUNS / 2] / 1e6, nanos[0] / 1e6, grid.maxValue());
    }
}
