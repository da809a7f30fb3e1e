package nl.plein.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compares against figures computed once, independently, with NumPy by brute force (every point
 * against every cell): see {@code src/test/resources/heatmap/reference.py}, which also generated
 * the 60-point fixture.
 */
class KernelDensityReferenceTest {
    private static final double RELATIVE = 1e-9;
    private static final Bounds GRID_BOUNDS = new Bounds(120000, 486000, 122500, 488000);
    private static final double GRID_CELL = 50;

    private final double[] x;
    private final double[] y;
    private final double[] weights;
    private final Map<String, String> summary = new HashMap<>();

    KernelDensityReferenceTest() throws IOException {
        var rows = csv("fixture.csv");
        x = new double[rows.size()];
        y = new double[rows.size()];
        weights = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = Double.parseDouble(rows.get(i)[1]);
            y[i] = Double.parseDouble(rows.get(i)[2]);
            weights[i] = Double.parseDouble(rows.get(i)[3]);
        }
        csv("expected-summary.csv").forEach(r -> summary.put(r[0], r[1]));
    }

    @Test
    void theDefaultBandwidthOfSixtySeededPointsMatchesTheReference() {
        assertEquals(60, x.length);
        assertRelative(number("default_bandwidth"), KernelDensity.defaultBandwidth(x, y), "default bandwidth");
    }

    @Test
    void everyCellWithAFixedBandwidthOf300MetresMatchesTheReference() throws IOException {
        var grid = KernelDensity.grid(x, y, weights, 300, GRID_BOUNDS, GRID_CELL);
        assertMatches("grid-fixed.csv", grid);
    }

    @Test
    void everyCellWithTheDefaultBandwidthMatchesTheReference() throws IOException {
        var grid = KernelDensity.grid(x, y, weights, KernelDensity.defaultBandwidth(x, y), GRID_BOUNDS, GRID_CELL);
        assertMatches("grid-default.csv", grid);
    }

    @Test
    void theDefaultGridCoversThePointsExtentWith250CellsAcrossItsShorterSide() {
        var extent = Bounds.of(x, y);
        assertEquals(new Bounds(number("extent_min_x"), number("extent_min_y"), number("extent_max_x"),
                number("extent_max_y")), extent);
        assertRelative(number("default_cell_size"), KernelDensity.defaultCellSize(extent), "default cell size");

        var grid = KernelDensity.grid(x, y, weights);
        assertEquals(Integer.parseInt(summary.get("default_columns")), grid.columns());
        assertEquals(Integer.parseInt(summary.get("default_rows")), grid.rows());
        assertEquals(250, grid.rows());
        assertRelative(number("default_bandwidth"), grid.bandwidth(), "bandwidth of the default grid");
        assertEquals(extent.minX(), grid.originX());
        assertEquals(extent.minY(), grid.originY());
    }

    @Test
    void theFixturePointExactlyAtTheBandwidthFromACellCentreAddsNothingThere() {
        // reference.py puts a point at (180, -240) m from the centre of cell (4, 35): exactly 300 m
        var grid = KernelDensity.grid(x, y, weights, 300, GRID_BOUNDS, GRID_CELL);
        assertEquals(120405.0 - 180, grid.centreX(4));
        assertEquals(487535.0 + 240, grid.centreY(35));
        assertEquals(0.0, grid.value(4, 35));
        assertTrue(grid.value(5, 35) > 0, "the next cell, closer than 300 m, gets a share");
    }

    private void assertMatches(String file, DensityGrid grid) throws IOException {
        var expected = csv(file);
        assertEquals(50, grid.columns());
        assertEquals(40, grid.rows());
        assertEquals(grid.columns() * grid.rows(), expected.size());
        int nonZero = 0;
        for (var e : expected) {
            int col = Integer.parseInt(e[0]);
            int row = Integer.parseInt(e[1]);
            double want = Double.parseDouble(e[2]);
            assertRelative(want, grid.value(col, row), file + " cell (" + col + ", " + row + ")");
            nonZero += want > 0 ? 1 : 0;
        }
        assertTrue(nonZero > 100 && nonZero < expected.size(), "the fixture has both empty and covered cells");
    }

    private static void assertRelative(double expected, double actual, String what) {
        if (expected == 0) {
            assertEquals(0.0, actual, what);
        } else {
            assertEquals(expected, actual, Math.abs(expected) * RELATIVE, what);
        }
    }

    private double number(String key) {
        return Double.parseDouble(summary.get(key));
    }

    private static List<String[]> csv(String name) throws IOException {
        var stream = KernelDensityReferenceTest.class.getResourceAsStream("/heatmap/" + name);
        if (stream == null) {
            throw new IOException("missing test resource heatmap/" + name);
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            // a '#' comment line, a header, then plain numbers (reference.py writes no quoted fields)
            return reader.lines().filter(line -> !line.startsWith("#")).skip(1)
                    .map(line -> line.split(",", -1)).toList();
        }
    }
}
