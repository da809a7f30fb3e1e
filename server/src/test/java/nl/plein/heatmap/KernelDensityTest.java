package nl.plein.heatmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class KernelDensityTest {
    private static final double[] NO_WEIGHTS = null;

    @Test
    void theKernelIntegratesToTheSumOfTheWeights() {
        double[] x = {0, 150, -60};
        double[] y = {0, 40, 200};
        double[] w = {1, 2.5, 0.5};
        double h = 100;
        double cell = h / 100;
        var grid = KernelDensity.grid(x, y, w, h, Bounds.of(x, y).expandedBy(h + cell), cell);

        double total = 0;
        for (double v : grid.values()) {
            total += v * cell * cell / 1e6; // per km² times cell area in m²
        }
        assertEquals(4.0, total, 4.0 * 0.01);
    }

    @Test
    void aPointAtACellCentreGivesThatCellTheKernelsPeakTimesItsWeight() {
        var grid = KernelDensity.grid(new double[] {105}, new double[] {215}, new double[] {2}, 40,
                new Bounds(0, 0, 300, 300), 10);
        assertEquals(105, grid.centreX(10));
        assertEquals(215, grid.centreY(21));
        double peak = 2 * 3 / (Math.PI * 40 * 40) * 1e6;
        assertEquals(peak, grid.value(10, 21), peak * 1e-12);
        assertEquals(peak, grid.maxValue(), peak * 1e-12);
        // 20 m away: (1 − 20²/40²)² = 0.5625 of the peak
        assertEquals(0.5625 * peak, grid.value(12, 21), peak * 1e-12);
        assertEquals(0.5625 * peak, grid.value(10, 19), peak * 1e-12);
    }

    @Test
    void pointsAtOrBeyondTheBandwidthFromEveryCellCentreAddNothing() {
        double[] x = {50, 60, 75};
        double[] y = {50, 40, 80};
        var bounds = new Bounds(0, 0, 100, 100);
        var without = KernelDensity.grid(x, y, NO_WEIGHTS, 30, bounds, 10);

        // centres run from 5 to 95: these lie exactly 30 m, or more, from the nearest centre
        double[] xMore = {50, 60, 75, 125, -25, 50, 300, 95 + 18};
        double[] yMore = {50, 40, 80, 50, 5, 125, -400, 95 + 24};
        var with = KernelDensity.grid(xMore, yMore, NO_WEIGHTS, 30, bounds, 10);
        assertArrayEquals(without.values(), with.values());

        // …while a point a hair closer than h does add to that cell
        double[] xCloser = {50, 60, 75, 124.999};
        double[] yCloser = {50, 40, 80, 55};
        var closer = KernelDensity.grid(xCloser, yCloser, NO_WEIGHTS, 30, bounds, 10);
        assertTrue(closer.value(9, 5) > without.value(9, 5));
    }

    @Test
    void pointsOutsideTheBoundsStillReachTheCellsWithinTheBandwidth() {
        var grid = KernelDensity.grid(new double[] {-15}, new double[] {45}, NO_WEIGHTS, 40,
                new Bounds(0, 0, 100, 100), 10);
        // cell (0, 4) has its centre at (5, 45): 20 m away
        double expected = 3 / (Math.PI * 40 * 40) * 0.5625 * 1e6;
        assertEquals(expected, grid.value(0, 4), expected * 1e-12);
        assertEquals(0.0, grid.value(5, 4), "55 m away");
    }

    @Test
    void theSearchWindowGivesWhatEveryPointAgainstEveryCellGives() {
        var random = new Random(7);
        for (int round = 0; round < 20; round++) {
            int n = 1 + random.nextInt(200);
            double[] x = new double[n];
            double[] y = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 1000 + random.nextDouble() * 700 - 100; // some outside the bounds
                y[i] = 2000 + random.nextDouble() * 500 - 100;
                w[i] = random.nextInt(4); // zero weights too
            }
            double h = 5 + random.nextDouble() * 200;
            double cell = 3 + random.nextDouble() * 20;
            var bounds = new Bounds(1000, 2000, 1500, 2300);
            var grid = KernelDensity.grid(x, y, w, h, bounds, cell);
            for (int row = 0; row < grid.rows(); row++) {
                for (int col = 0; col < grid.columns(); col++) {
                    double sum = 0;
                    for (int k = 0; k < n; k++) {
                        double dx = x[k] - grid.centreX(col);
                        double dy = y[k] - grid.centreY(row);
                        double d2 = dx * dx + dy * dy;
                        if (d2 < h * h) {
                            sum += w[k] * Math.pow(1 - d2 / (h * h), 2);
                        }
                    }
                    double expected = sum * 3 / (Math.PI * h * h) * 1e6;
                    assertEquals(expected, grid.value(col, row), Math.abs(expected) * 1e-9,
                            "round " + round + " cell (" + col + ", " + row + ")");
                }
            }
        }
    }

    @Test
    void theGridStartsAtTheSouthWestCornerWithRowZeroSouthernmost() {
        var grid = KernelDensity.grid(new double[] {12}, new double[] {3}, NO_WEIGHTS, 5,
                new Bounds(10, 0, 40.0000000001, 20), 2);
        assertEquals(15, grid.columns(), "a remainder of 10⁻¹⁰ m is rounding, not a 16th column");
        assertEquals(10, grid.rows());
        assertEquals(11, grid.centreX(0));
        assertEquals(39, grid.centreX(14));
        assertEquals(1, grid.centreY(0));
        assertTrue(grid.value(0, 0) > 0);
        assertEquals(0.0, grid.value(14, 9));
        assertEquals(grid.value(0, 0), grid.values()[0]);
        assertEquals(grid.value(2, 1), grid.values()[1 * 15 + 2]);

        var partial = KernelDensity.grid(new double[] {12}, new double[] {3}, NO_WEIGHTS, 5,
                new Bounds(10, 0, 41, 20), 2);
        assertEquals(16, partial.columns(), "a partial last column is kept");
    }

    @Test
    void theGridCannotBeChangedThroughItsValues() {
        var grid = KernelDensity.grid(new double[] {5}, new double[] {5}, NO_WEIGHTS, 5, new Bounds(0, 0, 10, 10), 1);
        double before = grid.value(4, 4);
        grid.values()[44] = -1;
        assertEquals(before, grid.value(4, 4));
        assertNotEquals(0.0, before);
    }

    @Test
    void theCellBudgetIsEnforcedBeforeAnyWork() {
        double[] x = {50};
        double[] y = {50};
        var bounds = new Bounds(0, 0, 100, 100);
        assertEquals(10_000, KernelDensity.grid(x, y, NO_WEIGHTS, 10, bounds, 1, 10_000).values().length);
        var refused = assertThrows(IllegalArgumentException.class,
                () -> KernelDensity.grid(x, y, NO_WEIGHTS, 10, bounds, 1, 9_999));
        assertEquals("the grid would have 10000 cells (100 columns × 100 rows), more than maxCells = 9999: "
                + "use a larger cellSize or smaller bounds", refused.getMessage());

        var defaultBudget = assertThrows(IllegalArgumentException.class,
                () -> KernelDensity.grid(x, y, NO_WEIGHTS, 10, new Bounds(0, 0, 1001, 1000), 1));
        assertTrue(defaultBudget.getMessage().contains("maxCells = 1000000"), defaultBudget.getMessage());
        var absurd = assertThrows(IllegalArgumentException.class,
                () -> KernelDensity.grid(x, y, NO_WEIGHTS, 10, bounds, 1e-300, Long.MAX_VALUE));
        assertTrue(absurd.getMessage().contains("more than one array holds"), absurd.getMessage());
        assertMessage("maxCells must be at least 1, was 0", () -> KernelDensity.grid(x, y, NO_WEIGHTS, 10, bounds, 1, 0));
    }

    @Test
    void badParametersFailWithAMessageNamingThem() {
        double[] x = {1, 2};
        double[] y = {3, 4};
        var bounds = new Bounds(0, 0, 10, 10);
        assertMessage("bandwidth must be a finite number > 0, was 0.0",
                () -> KernelDensity.grid(x, y, NO_WEIGHTS, 0, bounds, 1));
        assertMessage("bandwidth must be a finite number > 0, was -5.0",
                () -> KernelDensity.grid(x, y, NO_WEIGHTS, -5, bounds, 1));
        assertMessage("bandwidth must be a finite number > 0, was NaN",
                () -> KernelDensity.grid(x, y, NO_WEIGHTS, Double.NaN, bounds, 1));
        assertMessage("cellSize must be a finite number > 0, was 0.0",
                () -> KernelDensity.grid(x, y, NO_WEIGHTS, 5, bounds, 0));
        assertMessage("cellSize must be a finite number > 0, was Infinity",
                () -> KernelDensity.grid(x, y, NO_WEIGHTS, 5, bounds, Double.POSITIVE_INFINITY));
        assertMessage("x and y must hold at least one point, were empty",
                () -> KernelDensity.grid(new double[0], new double[0], NO_WEIGHTS, 5, bounds, 1));
        assertMessage("x and y must hold at least one point, were empty",
                () -> KernelDensity.defaultBandwidth(new double[0], new double[0]));
        assertMessage("x and y must have the same length, had 2 and 1",
                () -> KernelDensity.grid(x, new double[] {1}, NO_WEIGHTS, 5, bounds, 1));
        assertMessage("y[1] must be a finite number, was NaN",
                () -> KernelDensity.grid(x, new double[] {1, Double.NaN}, NO_WEIGHTS, 5, bounds, 1));
        assertMessage("x[0] must be a finite number, was NaN",
                () -> KernelDensity.defaultBandwidth(new double[] {Double.NaN, 1}, y));
        assertMessage("weights[1] must be a finite number ≥ 0, was -1.0",
                () -> KernelDensity.grid(x, y, new double[] {1, -1}, 5, bounds, 1));
        assertMessage("weights[0] must be a finite number ≥ 0, was NaN",
                () -> KernelDensity.grid(x, y, new double[] {Double.NaN, 1}, 5, bounds, 1));
        assertMessage("weights must have one value per point (2), had 3",
                () -> KernelDensity.grid(x, y, new double[] {1, 1, 1}, 5, bounds, 1));
        assertMessage("bounds must not be null", () -> KernelDensity.grid(x, y, NO_WEIGHTS, 5, null, 1));
        assertMessage("bounds must have minX ≤ maxX and minY ≤ maxY, were 10.0, 0.0, 0.0, 10.0",
                () -> new Bounds(10, 0, 0, 10));
        assertMessage("bounds must be finite numbers, were NaN, 0.0, 10.0, 10.0",
                () -> new Bounds(Double.NaN, 0, 10, 10));
    }

    @Test
    void theDefaultBandwidthFollowsArcGisWithTheStandardDistanceDividedByN() {
        // a square of side 2 around (10, 20): every point is √2 from the centre
        double[] x = {9, 11, 11, 9};
        double[] y = {19, 19, 21, 21};
        // SD = √(Σdx²/n + Σdy²/n) = √(1 + 1) = √2 (with n − 1 it would be √(8/3)); D_m = √2; SD is smaller
        double expected = 0.9 * Math.sqrt(2) * Math.pow(4, -0.2);
        assertEquals(expected, KernelDensity.defaultBandwidth(x, y), expected * 1e-12);
    }

    @Test
    void aFewFarOutliersLeaveTheMedianDistanceToDecideTheDefaultBandwidth() {
        double[] x = {1, -1, 0, 0, 100, -100};
        double[] y = {0, 0, 1, -1, 0, 0};
        // mean centre (0, 0); distances 1, 1, 1, 1, 100, 100: D_m = 1, SD = √(20004/6) ≈ 57.7
        double expected = 0.9 * Math.sqrt(1 / Math.log(2)) * 1 * Math.pow(6, -0.2);
        assertEquals(expected, KernelDensity.defaultBandwidth(x, y), expected * 1e-12);
        // an even count takes the mean of the two middle distances: 1, 1, 3, 5 gives D_m = 2
        double[] x2 = {1, -1, 3, -3};
        double[] y2 = {0, 0, 4, -4};
        double sd = Math.sqrt((1 + 1 + 9 + 9) / 4.0 + (16 + 16) / 4.0);
        double expected2 = 0.9 * Math.min(sd, Math.sqrt(1 / Math.log(2)) * 3) * Math.pow(4, -0.2);
        assertEquals(expected2, KernelDensity.defaultBandwidth(x2, y2), expected2 * 1e-12);
    }

    @Test
    void aDefaultBandwidthOfZeroIsRefusedAndMustBeGiven() {
        assertMessage("cannot derive a default bandwidth: all 1 point(s) lie at the same place, so the standard "
                + "distance is 0; give the bandwidth",
                () -> KernelDensity.defaultBandwidth(new double[] {5}, new double[] {6}));
        assertMessage("cannot derive a default bandwidth: all 3 point(s) lie at the same place, so the standard "
                + "distance is 0; give the bandwidth",
                () -> KernelDensity.defaultBandwidth(new double[] {5, 5, 5}, new double[] {6, 6, 6}));
        assertMessage("cannot derive a default bandwidth: the median distance to the mean centre is 0 (most of the "
                + "5 points lie exactly at it); give the bandwidth",
                () -> KernelDensity.defaultBandwidth(new double[] {0, 0, 0, 1, -1}, new double[] {0, 0, 0, 0, 0}));
        assertMessage("cannot derive a default cell size: the bounds are 4.0 m wide and 0.0 m high, so "
                + "min(width, height)/250 is 0; give the cell size",
                () -> KernelDensity.defaultCellSize(Bounds.of(new double[] {1, 5}, new double[] {2, 2})));
        // a given bandwidth and cell size still work for a single point
        var grid = KernelDensity.grid(new double[] {5}, new double[] {6}, NO_WEIGHTS, 10,
                Bounds.of(new double[] {5}, new double[] {6}).expandedBy(10), 1);
        assertEquals(20, grid.columns());
        assertTrue(grid.maxValue() > 0);
    }

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
