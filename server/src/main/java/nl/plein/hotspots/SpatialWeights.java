package nl.plein.hotspots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import nl.plein.geo.IntList;
import nl.plein.geo.PointGrid;

/**
 * Who counts as whose neighbour, and how much: a sparse n × n weights matrix over units
 * identified by {@code ids} (METHODS.md §0.3). Unit i is {@code ids[i]}; every statistic in
 * this package takes its values in the same order.
 *
 * <p>Rows are stored in compressed sparse row form ({@code rowStart}, {@code col}, {@code weight}),
 * with each row's columns in ascending index order, because the permutation tests walk every row
 * hundreds of times and contiguous arrays keep that fast. Instances are immutable.
 */
public final class SpatialWeights {
    private final long[] ids;
    final int[] rowStart;
    final int[] col;
    final double[] weight;
    private final long[] tiedIds;

    private SpatialWeights(long[] ids, int[] rowStart, int[] col, double[] weight, long[] tiedIds) {
        this.ids = ids;
        this.rowStart = rowStart;
        this.col = col;
        this.weight = weight;
        this.tiedIds = tiedIds;
    }

    /**
     * Binary weights (1 for a neighbour) from neighbour lists, such as the queen contiguity of
     * {@link QueenContiguity}. A unit missing from the map has no neighbours.
     * The lists need not be symmetric: each list is the row of its own unit. Repeated entries count
     * once.
     */
    public static SpatialWeights fromNeighbours(long[] ids, Map<Long, long[]> neighbours) {
        checkIds(ids);
        if (neighbours == null) {
            throw new IllegalArgumentException("neighbours must not be null");
        }
        var index = indexOf(ids);
        for (var key : neighbours.keySet()) {
            if (!index.containsKey(key)) {
                throw new IllegalArgumentException("neighbours has a list for id " + key + ", which is not in ids");
            }
        }
        int n = ids.length;
        int[][] rows = new int[n][];
        for (int i = 0; i < n; i++) {
            long[] list = neighbours.get(ids[i]);
            if (list == null) {
                rows[i] = new int[0];
                continue;
            }
            int[] row = new int[list.length];
            for (int t = 0; t < list.length; t++) {
                Integer j = index.get(list[t]);
                if (j == null) {
                    throw new IllegalArgumentException("neighbours of id " + ids[i] + " names id " + list[t]
                            + ", which is not in ids");
                }
                if (j == i) {
                    throw new IllegalArgumentException("neighbours of id " + ids[i]
                            + " names the unit itself; use withSelf() to include it");
                }
                row[t] = j;
            }
            rows[i] = Arrays.stream(row).sorted().distinct().toArray();
        }
        return binary(ids.clone(), rows, new long[0]);
    }

    /**
     * Binary distance-band weights: j is a neighbour of i when 0 &lt; d_ij ≤ band (inclusive, planar
     * metres). Points at the same location are not each other's neighbours. Distances within a
     * micrometre of the band count as at the band, so floating-point rounding cannot drop a pair
     * that is at the band on paper (as on a hexagonal grid). Uses a uniform grid of
     * buckets, so the cost grows with the number of pairs within the band, not with n².
     */
    public static SpatialWeights distanceBand(long[] ids, double[] x, double[] y, double band) {
        checkIds(ids);
        checkPoints(ids.length, x, y);
        if (!(band > 0) || Double.isInfinite(band)) {
            throw new IllegalArgumentException("band must be a positive finite distance, was " + band);
        }
        int n = ids.length;
        var grid = new PointGrid(x, y, band);
        int[][] rows = new int[n][];
        var found = new IntList();
        for (int i = 0; i < n; i++) {
            found.clear();
            grid.withinBand(i, band, found);
            rows[i] = found.sortedCopy();
        }
        return binary(ids.clone(), rows, new long[0]);
    }

    /**
     * The default band: the largest of the nearest-neighbour distances, so that with it no point is
     * left without a neighbour. Distances of zero (points at the same location) are skipped, as
     * they never make neighbours in a distance band.
     */
    public static double largestNearestNeighbourDistance(double[] x, double[] y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("x and y must not be null");
        }
        checkPoints(x.length, x, y);
        if (x.length < 2) {
            throw new IllegalArgumentException("x and y need at least 2 points, had " + x.length);
        }
        var grid = new PointGrid(x, y, 0);
        double largest = 0;
        for (int i = 0; i < x.length; i++) {
            double d = grid.nearestPositiveDistance(i);
            if (Double.isNaN(d)) {
                throw new IllegalArgumentException("x and y have no other point at a distinct location for point " + i);
            }
            largest = Math.max(largest, d);
        }
        return largest;
    }

    /**
     * Binary k-nearest-neighbour weights. Not symmetric: j among i's k nearest does not make i
     * one of j's. When the k-th and (k+1)-th candidates are at exactly the same distance, the lower
     * id wins, so the result never depends on input order (distances within a micrometre count as
     * equal, so rounding does not decide either); {@link #tiedIds()} lists the units where
     * this decided membership, so the caller can log them. Points at the same location count as
     * being at distance 0.
     */
    public static SpatialWeights kNearest(long[] ids, double[] x, double[] y, int k) {
        checkIds(ids);
        checkPoints(ids.length, x, y);
        int n = ids.length;
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("k must be between 1 and n - 1 = " + (n - 1) + ", was " + k);
        }
        var grid = new PointGrid(x, y, 0);
        int[][] rows = new int[n][];
        var tied = new ArrayList<Long>();
        for (int i = 0; i < n; i++) {
            var nearest = grid.kNearest(i, k, ids);
            if (nearest.tieAtBoundary()) {
                tied.add(ids[i]);
            }
            rows[i] = Arrays.stream(nearest.indices()).sorted().toArray();
        }
        return binary(ids.clone(), rows, tied.stream().mapToLong(Long::longValue).toArray());
    }

    /** Number of units. */
    public int size() {
        return ids.length;
    }

    /** The unit ids, in index order. */
    public long[] ids() {
        return ids.clone();
    }

    /** Ids of the units whose nearest-neighbour set was decided by an id tie-break (kNearest only). */
    public long[] tiedIds() {
        return tiedIds.clone();
    }

    /** Ids of i's neighbours (j ≠ i with w_ij ≠ 0), in index order. */
    public long[] neighbourIds(int i) {
        var out = new IntList();
        for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
            if (col[t] != i) {
                out.add(col[t]);
            }
        }
        return Arrays.stream(out.sortedCopy()).mapToLong(j -> ids[j]).toArray();
    }

    /** w_ij, 0 when j is not a neighbour of i. */
    public double weight(int i, int j) {
        int t = Arrays.binarySearch(col, rowStart[i], rowStart[i + 1], j);
        return t >= 0 ? weight[t] : 0;
    }

    /** Σ_j w_ij. */
    public double rowSum(int i) {
        double sum = 0;
        for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
            sum += weight[t];
        }
        return sum;
    }

    /** Ids of units with no neighbour other than themselves; statistics report them, global ones leave them out. */
    public long[] islands() {
        return Arrays.stream(islandIndices()).mapToLong(i -> ids[i]).toArray();
    }

    int[] islandIndices() {
        var out = new IntList();
        for (int i = 0; i < ids.length; i++) {
            if (!hasNeighbour(i)) {
                out.add(i);
            }
        }
        return out.sortedCopy();
    }

    boolean hasNeighbour(int i) {
        for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
            if (col[t] != i && weight[t] != 0) {
                return true;
            }
        }
        return false;
    }

    /** True when every weight is 0 or 1 (row standardisation breaks this). */
    public boolean isBinary() {
        for (double w : weight) {
            if (w != 0 && w != 1) {
                return false;
            }
        }
        return true;
    }

    /** True when w_ij = w_ji for every pair. */
    public boolean isSymmetric() {
        for (int i = 0; i < ids.length; i++) {
            for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
                if (weight(col[t], i) != weight[t]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * w*_ij = w_ij / Σ_j w_ij, so that each unit's spatial lag is the average of its neighbours'
     * values whatever their number. An island's row stays empty.
     */
    public SpatialWeights rowStandardised() {
        double[] w = new double[weight.length];
        for (int i = 0; i < ids.length; i++) {
            double sum = rowSum(i);
            for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
                w[t] = sum == 0 ? 0 : weight[t] / sum;
            }
        }
        return new SpatialWeights(ids, rowStart, col, w, tiedIds);
    }

    /** The same weights with w_ii = 1 for every unit, as Gi* needs (a unit belongs to its own neighbourhood). */
    public SpatialWeights withSelf() {
        int n = ids.length;
        int[] start = new int[n + 1];
        int[] cols = new int[col.length + n];
        double[] ws = new double[col.length + n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            boolean placed = false;
            for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
                if (!placed && col[t] >= i) {
                    cols[size] = i;
                    ws[size++] = 1.0;
                    placed = true;
                    if (col[t] == i) {
                        continue;
                    }
                }
                cols[size] = col[t];
                ws[size++] = weight[t];
            }
            if (!placed) {
                cols[size] = i;
                ws[size++] = 1.0;
            }
            start[i + 1] = size;
        }
        return new SpatialWeights(ids, start, Arrays.copyOf(cols, size), Arrays.copyOf(ws, size), tiedIds);
    }

    /** The weights among the units at {@code keep} (ascending indices), renumbered 0..m-1. */
    SpatialWeights subset(int[] keep) {
        int[] newIndex = new int[ids.length];
        Arrays.fill(newIndex, -1);
        for (int a = 0; a < keep.length; a++) {
            newIndex[keep[a]] = a;
        }
        int[] start = new int[keep.length + 1];
        int[] cols = new int[col.length];
        double[] ws = new double[col.length];
        int size = 0;
        for (int a = 0; a < keep.length; a++) {
            int i = keep[a];
            for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
                if (newIndex[col[t]] >= 0) {
                    cols[size] = newIndex[col[t]];
                    ws[size++] = weight[t];
                }
            }
            start[a + 1] = size;
        }
        long[] subIds = Arrays.stream(keep).mapToLong(i -> ids[i]).toArray();
        return new SpatialWeights(subIds, start, Arrays.copyOf(cols, size), Arrays.copyOf(ws, size), new long[0]);
    }

    private static SpatialWeights binary(long[] ids, int[][] rows, long[] tied) {
        int n = ids.length;
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + rows[i].length;
        }
        int[] col = new int[start[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, col, start[i], rows[i].length);
        }
        double[] weight = new double[col.length];
        Arrays.fill(weight, 1.0);
        return new SpatialWeights(ids, start, col, weight, tied);
    }

    private static Map<Long, Integer> indexOf(long[] ids) {
        var index = new HashMap<Long, Integer>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (index.put(ids[i], i) != null) {
                throw new IllegalArgumentException("ids must be distinct; " + ids[i] + " occurs twice");
            }
        }
        return index;
    }

    private static void checkIds(long[] ids) {
        if (ids == null) {
            throw new IllegalArgumentException("ids must not be null");
        }
        if (ids.length < 3) {
            throw new IllegalArgumentException("ids needs at least 3 units, had " + ids.length);
        }
        indexOf(ids);
    }

    private static void checkPoints(int n, double[] x, double[] y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("x and y must not be null");
        }
        if (x.length != n || y.length != n) {
            throw new IllegalArgumentException("x and y must have one coordinate per unit (" + n + "), had "
                    + x.length + " and " + y.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("x and y must be finite; point " + i + " is (" + x[i] + ", " + y[i] + ")");
            }
        }
    }
}
