package nl.plein.heatmap;

import java.util.Arrays;
import java.util.Locale;

/**
 * Heatmap by kernel density estimation, as METHODS.md §6 defines it, in planar
 * metres of a projected CRS.
 *
 * <p><b>Kernel.</b> The quartic (biweight) kernel, as ArcGIS's Kernel Density tool uses it:
 * <pre>
 *   f(s) = Σ_k w_k · 3/(π h²) · (1 − d_k²/h²)²   for the points k with d_k &lt; h (others add 0)
 * </pre>
 * with d_k the distance from s to point k and h the bandwidth (search radius). A point exactly at
 * distance h adds nothing. Over the plane each point's kernel integrates to its weight w_k, so f is
 * weight per m²; the grid holds f × 10⁶, weight per km². Weights default to 1 (points per km²) and
 * must be finite and ≥ 0.
 *
 * <p><b>Grid.</b> The density is evaluated at cell centres (not averaged over cells) on square cells
 * starting at the south-west corner of the bounds, with {@code ceil(width / cellSize)} columns and
 * {@code ceil(height / cellSize)} rows (at least 1; a remainder of less than 10⁻⁹ of a cell, which
 * only floating-point rounding produces, is ignored), so the last column and row may reach past the
 * bounds. Points outside the bounds still add to the cells within h of them. Each point only visits
 * the cells within h of it, so the cost is about n · π h² / cellSize² cell updates rather than
 * n × cells (it reaches n × cells only when h spans the whole grid). On two cores, 100,000 points on
 * 250 × 250 cells take about 70 ms with the default bandwidth (7 cells) and about 0.35 s with a
 * bandwidth of 25 cells: see {@code nl.plein.bench.HeatmapBenchmark} in the tests.
 *
 * <p><b>Defaults</b> (ArcGIS): see {@link #defaultBandwidth} and {@link #defaultCellSize}.
 *
 * <p>Every method fails fast with an {@link IllegalArgumentException} naming the parameter: empty or
 * unequal arrays, NaN or infinite numbers, bandwidth or cell size ≤ 0, negative weights, and grids of
 * more than {@code maxCells} cells ({@link #DEFAULT_MAX_CELLS} unless given).
 */
public final class KernelDensity {
    /** At most this many cells (8 MB of values) unless a budget is given. */
    public static final long DEFAULT_MAX_CELLS = 1_000_000;

    /** The number of cells across the shorter side of the bounds for the default cell size. */
    public static final int DEFAULT_CELLS_ACROSS = 250;

    private static final double ROUNDING_SLACK = 1e-9;

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private KernelDensity() {
    }

    /**
     * ArcGIS's default bandwidth (search radius), without weights:
     * <pre>
     *   h = 0.9 · min(SD, √(1/ln 2) · D_m) · n^(−0.2)
     * </pre>
     * with n the number of points, (x̄, ȳ) their mean centre, SD the standard distance
     * {@code √(Σ(x − x̄)²/n + Σ(y − ȳ)²/n)} (divided by n, not n − 1), and D_m the median of the
     * Euclidean distances from the points to the mean centre (for an even n the mean of the two middle
     * distances). ArcGIS weights the centre and distances, and takes n as the sum of weights, when a
     * population field is used; this method does not: it is the bandwidth of the points themselves.
     *
     * <p>No fallback: when h would be 0, because all points lie at the same place (which includes a
     * single point) or because the median distance is 0 (most points lie exactly at their mean
     * centre), this throws an {@link IllegalArgumentException} saying so, and the caller must give a
     * bandwidth.
     */
    public static double defaultBandwidth(double[] x, double[] y) {
        checkPoints(x, y);
        int n = x.length;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sumSquares = 0;
        double[] distances = new double[n];
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            double squared = dx * dx + dy * dy;
            sumSquares += squared;
            distances[i] = Math.sqrt(squared);
        }
        double standardDistance = Math.sqrt(sumSquares / n);
        Arrays.sort(distances);
        double medianDistance = n % 2 == 1 ? distances[n / 2] : (distances[n / 2 - 1] + distances[n / 2]) / 2;
        if (standardDistance == 0) {
            throw new IllegalArgumentException("cannot derive a default bandwidth: all " + n + " point(s) lie at "
                    + "the same place, so the standard distance is 0; give the bandwidth");
        }
        if (medianDistance == 0) {
            throw new IllegalArgumentException("cannot derive a default bandwidth: the median distance to the mean "
                    + "centre is 0 (most of the " + n + " points lie exactly at it); give the bandwidth");
        }
        return 0.9 * Math.min(standardDistance, Math.sqrt(1 / Math.log(2)) * medianDistance) * Math.pow(n, -0.2);
    }

    /**
     * ArcGIS's default cell size: the shorter of the width and height of the bounds divided by 250.
     * Fails when that is 0 (points on one horizontal or vertical line, or a single point): give a
     * cell size then.
     */
    public static double defaultCellSize(Bounds bounds) {
        if (bounds == null) {
            throw new IllegalArgumentException("bounds must not be null");
        }
        double shorter = Math.min(bounds.width(), bounds.height());
        if (!(shorter > 0)) {
            throw new IllegalArgumentException("cannot derive a default cell size: the bounds are " + bounds.width()
                    + " m wide and " + bounds.height() + " m high, so min(width, height)/" + DEFAULT_CELLS_ACROSS
                    + " is 0; give the cell size");
        }
        return shorter / DEFAULT_CELLS_ACROSS;
    }

    /**
     * The density with every ArcGIS default: {@link #defaultBandwidth} of the points, over their extent
     * ({@link Bounds#of}), with {@link #defaultCellSize} of that extent, at most
     * {@link #DEFAULT_MAX_CELLS} cells. Kernels reaching past the extent are cut off there.
     *
     * @param weights one weight per point, or null for 1 each
     */
    public static DensityGrid grid(double[] x, double[] y, double[] weights) {
        double bandwidth = defaultBandwidth(x, y);
        Bounds bounds = Bounds.of(x, y);
        return grid(x, y, weights, bandwidth, bounds, defaultCellSize(bounds), DEFAULT_MAX_CELLS);
    }

    /**
     * The density on a grid of at most {@link #DEFAULT_MAX_CELLS} cells.
     *
     * @param weights one weight per point, or null for 1 each
     * @param bandwidth h in metres, &gt; 0
     * @param bounds the area to cover; the grid starts at its south-west corner
     * @param cellSize edge length of a cell in metres, &gt; 0
     */
    public static DensityGrid grid(double[] x, double[] y, double[] weights, double bandwidth, Bounds bounds,
            double cellSize) {
        return grid(x, y, weights, bandwidth, bounds, cellSize, DEFAULT_MAX_CELLS);
    }

    /**
     * The density on a grid; refused before any work when it would have more than {@code maxCells}
     * cells.
     *
     * @param weights one weight per point, or null for 1 each
     * @param bandwidth h in metres, &gt; 0
     * @param bounds the area to cover; the grid starts at its south-west corner
     * @param cellSize edge length of a cell in metres, &gt; 0
     * @param maxCells the most cells allowed, ≥ 1
     */
    public static DensityGrid grid(double[] x, double[] y, double[] weights, double bandwidth, Bounds bounds,
            double cellSize, long maxCells) {
        checkPoints(x, y);
        checkWeights(weights, x.length);
        checkPositive("bandwidth", bandwidth);
        checkPositive("cellSize", cellSize);
        if (bounds == null) {
            throw new IllegalArgumentException("bounds must not be null");
        }
        if (maxCells < 1) {
            throw new IllegalArgumentException("maxCells must be at least 1, was " + maxCells);
        }
        double columnsExact = cellCount(bounds.width(), cellSize);
        double rowsExact = cellCount(bounds.height(), cellSize);
        double cells = columnsExact * rowsExact;
        if (cells > Math.min(maxCells, MAX_ARRAY)) {
            throw new IllegalArgumentException("the grid would have " + whole(cells) + " cells (" + whole(columnsExact)
                    + " columns × " + whole(rowsExact) + " rows), more than "
                    + (maxCells <= MAX_ARRAY ? "maxCells = " + maxCells : "one array holds (" + MAX_ARRAY + ")")
                    + ": use a larger cellSize or smaller bounds");
        }
        int columns = (int) columnsExact;
        int rows = (int) rowsExact;
        double originX = bounds.minX();
        double originY = bounds.minY();
        double[] centreX = new double[columns];
        for (int c = 0; c < columns; c++) {
            centreX[c] = originX + (c + 0.5) * cellSize;
        }

        double h = bandwidth;
        double h2 = h * h;
        double inverseH2 = 1 / h2;
        double[] sums = new double[columns * rows];
        for (int k = 0; k < x.length; k++) {
            double w = weights == null ? 1 : weights[k];
            if (w == 0) {
                continue;
            }
            double px = x[k];
            double py = y[k];
            // Cells whose centre may lie within h, one extra on each side against rounding; the exact
            // test d² < h² below decides.
            int rowFrom = firstIndex(py - h, originY, cellSize);
            int rowTo = lastIndex(py + h, originY, cellSize, rows);
            for (int r = rowFrom; r <= rowTo; r++) {
                double dy = py - (originY + (r + 0.5) * cellSize);
                double dy2 = dy * dy;
                if (!(dy2 < h2)) {
                    continue;
                }
                double halfChord = Math.sqrt(h2 - dy2);
                int colFrom = firstIndex(px - halfChord, originX, cellSize);
                int colTo = lastIndex(px + halfChord, originX, cellSize, columns);
                int rowStart = r * columns;
                for (int c = colFrom; c <= colTo; c++) {
                    double dx = px - centreX[c];
                    double d2 = dx * dx + dy2;
                    if (d2 < h2) {
                        double t = 1 - d2 * inverseH2;
                        sums[rowStart + c] += w * t * t;
                    }
                }
            }
        }
        double perKm2 = 3 / (Math.PI * h2) * 1e6;
        for (int i = 0; i < sums.length; i++) {
            sums[i] *= perKm2;
        }
        return new DensityGrid(originX, originY, cellSize, columns, rows, bandwidth, sums);
    }

    /** Cells needed along a side, as a double so that absurd counts are caught before any int cast. */
    private static double cellCount(double length, double cellSize) {
        return Math.max(1, Math.ceil(length / cellSize - ROUNDING_SLACK));
    }

    /** The first cell index whose centre may be ≥ {@code from}, one early, clamped to 0. */
    private static int firstIndex(double from, double origin, double cellSize) {
        double index = Math.ceil((from - origin) / cellSize - 0.5) - 1;
        return (int) Math.max(0, index);
    }

    /** The last cell index whose centre may be ≤ {@code to}, one late, clamped to {@code count − 1}. */
    private static int lastIndex(double to, double origin, double cellSize, int count) {
        double index = Math.floor((to - origin) / cellSize - 0.5) + 1;
        return (int) Math.min(count - 1, index);
    }

    private static String whole(double count) {
        return String.format(Locale.ROOT, count < 1e15 ? "%.0f" : "%.3g", count);
    }

    static void checkPoints(double[] x, double[] y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("x and y must not be null");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, had " + x.length + " and "
                    + y.length);
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("x and y must hold at least one point, were empty");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("x[" + i + "] must be a finite number, was " + x[i]);
            }
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y[" + i + "] must be a finite number, was " + y[i]);
            }
        }
    }

    private static void checkWeights(double[] weights, int n) {
        if (weights == null) {
            return;
        }
        if (weights.length != n) {
            throw new IllegalArgumentException("weights must have one value per point (" + n + "), had "
                    + weights.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(weights[i]) || weights[i] < 0) {
                throw new IllegalArgumentException("weights[" + i + "] must be a finite number ≥ 0, was "
                        + weights[i]);
            }
        }
    }

    private static void checkPositive(String name, double value) {
        if (!Double.isFinite(value) || !(value > 0)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, was " + value);
        }
    }
}
