package nl.plein.geo;

import java.util.Arrays;

/**
 * A uniform grid of square buckets over a point set, so that neighbour searches look at a few
 * nearby buckets instead of every other point (O(n) per search would make 10,000 points cost 10⁸
 * distance computations).
 *
 * <p>The cell side is at least the search band (so a band search only needs the 3 × 3 block around
 * a point), at least √(area/n) (about one point per cell), and at least the longer side / n (so a
 * thin strip of points cannot ask for more cells than points).
 */
public final class PointGrid {
    /**
     * Distances closer than this (metres) count as equal. Distances that are equal on paper, such as
     * those between the centres of a hexagonal grid, come out of floating point a few units in the
     * last place apart; without this a pair "exactly at the band" could fall out, and a kNN tie
     * could be decided by rounding instead of by id. A micrometre is far below any survey accuracy.
     */
    public static final double SAME_DISTANCE = 1e-6;

    /** Widens the cell a hair beyond the band so rounding in (x - minX) / cell never skips a bucket. */
    private static final double MARGIN = 1 + 1e-9;

    private final double[] x;
    private final double[] y;
    private final double minX;
    private final double minY;
    private final double cell;
    private final int nx;
    private final int ny;
    private final int[] cellStart;
    private final int[] cellPoints;

    public PointGrid(double[] x, double[] y, double band) {
        this.x = x;
        this.y = y;
        int n = x.length;
        double loX = Double.POSITIVE_INFINITY, hiX = Double.NEGATIVE_INFINITY;
        double loY = Double.POSITIVE_INFINITY, hiY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            loX = Math.min(loX, x[i]);
            hiX = Math.max(hiX, x[i]);
            loY = Math.min(loY, y[i]);
            hiY = Math.max(hiY, y[i]);
        }
        double width = hiX - loX;
        double height = hiY - loY;
        double reach = band > 0 ? band + SAME_DISTANCE : 0;
        double side = Math.max(reach, Math.max(Math.sqrt(width * height / n), Math.max(width, height) / n)) * MARGIN;
        if (!(side > 0)) {
            side = 1; // every point at one location
        }
        this.minX = loX;
        this.minY = loY;
        this.cell = side;
        this.nx = (int) Math.floor(width / side) + 1;
        this.ny = (int) Math.floor(height / side) + 1;
        int cells = Math.multiplyExact(nx, ny);
        int[] counts = new int[cells + 1];
        int[] cellOf = new int[n];
        for (int i = 0; i < n; i++) {
            cellOf[i] = cx(x[i]) + nx * cy(y[i]);
            counts[cellOf[i] + 1]++;
        }
        for (int c = 0; c < cells; c++) {
            counts[c + 1] += counts[c];
        }
        this.cellStart = counts.clone();
        this.cellPoints = new int[n];
        int[] next = Arrays.copyOf(counts, cells);
        for (int i = 0; i < n; i++) {
            cellPoints[next[cellOf[i]]++] = i;
        }
    }

    private int cx(double px) {
        return Math.min(nx - 1, (int) ((px - minX) / cell));
    }

    private int cy(double py) {
        return Math.min(ny - 1, (int) ((py - minY) / cell));
    }

    private double distance(int i, int j) {
        double dx = x[j] - x[i];
        double dy = y[j] - y[i];
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** Adds every j with 0 &lt; d_ij ≤ band (within SAME_DISTANCE); band as the grid was built for. */
    public void withinBand(int i, double band, IntList out) {
        int gx = cx(x[i]);
        int gy = cy(y[i]);
        for (int by = Math.max(0, gy - 1); by <= Math.min(ny - 1, gy + 1); by++) {
            for (int bx = Math.max(0, gx - 1); bx <= Math.min(nx - 1, gx + 1); bx++) {
                int c = bx + nx * by;
                for (int t = cellStart[c]; t < cellStart[c + 1]; t++) {
                    int j = cellPoints[t];
                    double d = distance(i, j);
                    if (d > 0 && d <= band + SAME_DISTANCE) {
                        out.add(j);
                    }
                }
            }
        }
    }

    /** Distance from i to the nearest point at a different location, NaN when there is none. */
    public double nearestPositiveDistance(int i) {
        double best = Double.POSITIVE_INFINITY;
        int gx = cx(x[i]);
        int gy = cy(y[i]);
        int last = Math.max(nx, ny);
        for (int r = 0; r <= last; r++) {
            for (int c : ring(gx, gy, r)) {
                for (int t = cellStart[c]; t < cellStart[c + 1]; t++) {
                    double d = distance(i, cellPoints[t]);
                    if (d > 0 && d < best) {
                        best = d;
                    }
                }
            }
            // anything not yet visited lies at least r cells away in x or y
            if (best < r * cell) {
                break;
            }
        }
        return Double.isInfinite(best) ? Double.NaN : best;
    }

    public record Nearest(int[] indices, boolean tieAtBoundary) {
    }

    /**
     * The k nearest other points of i, ordered by distance then ascending id, distances within
     * SAME_DISTANCE counting as equal; tieAtBoundary says whether more points were as far as the
     * k-th than there were places left, so the id decided.
     */
    public Nearest kNearest(int i, int k, long[] ids) {
        var found = new IntList();
        int gx = cx(x[i]);
        int gy = cy(y[i]);
        int last = Math.max(nx, ny);
        for (int r = 0; r <= last; r++) {
            for (int c : ring(gx, gy, r)) {
                for (int t = cellStart[c]; t < cellStart[c + 1]; t++) {
                    if (cellPoints[t] != i) {
                        found.add(cellPoints[t]);
                    }
                }
            }
            // stop once everything as far as the k-th (give or take SAME_DISTANCE) has been seen:
            // anything not yet visited lies at least r cells away in x or y
            if (found.size() >= k && kthDistance(i, found, k) + SAME_DISTANCE < r * cell) {
                break;
            }
        }
        Integer[] order = new Integer[found.size()];
        for (int t = 0; t < order.length; t++) {
            order[t] = found.get(t);
        }
        Arrays.sort(order, (a, b) -> Double.compare(distance(i, a), distance(i, b)));
        double kth = distance(i, order[k - 1]);
        // sure: clearly nearer than the k-th; tied: as far as the k-th, ordered by id
        int sure = 0;
        while (distance(i, order[sure]) < kth - SAME_DISTANCE) {
            sure++;
        }
        int end = sure;
        while (end < order.length && distance(i, order[end]) <= kth + SAME_DISTANCE) {
            end++;
        }
        Arrays.sort(order, sure, end, (a, b) -> Long.compare(ids[a], ids[b]));
        int[] chosen = new int[k];
        for (int t = 0; t < k; t++) {
            chosen[t] = order[t];
        }
        return new Nearest(chosen, end > k);
    }

    /**
     * The distance from i to its k-th nearest other point, where point j stands for {@code weight[j]}
     * points at its location (k &gt;= 1; NaN when all other points weigh less than k together).
     */
    public double kthNearest(int i, int k, int[] weight) {
        var found = new IntList();
        int gx = cx(x[i]);
        int gy = cy(y[i]);
        int last = Math.max(nx, ny);
        double kth = Double.NaN;
        for (int r = 0; r <= last; r++) {
            for (int c : ring(gx, gy, r)) {
                for (int t = cellStart[c]; t < cellStart[c + 1]; t++) {
                    if (cellPoints[t] != i) {
                        found.add(cellPoints[t]);
                    }
                }
            }
            kth = weightedKth(i, found, k, weight);
            // anything not yet visited lies at least r cells away in x or y
            if (kth <= r * cell) {
                break;
            }
        }
        return kth;
    }

    private double weightedKth(int i, IntList found, int k, int[] weight) {
        Integer[] order = new Integer[found.size()];
        for (int t = 0; t < order.length; t++) {
            order[t] = found.get(t);
        }
        Arrays.sort(order, (a, b) -> Double.compare(distance(i, a), distance(i, b)));
        long total = 0;
        for (int j : order) {
            total += weight[j];
            if (total >= k) {
                return distance(i, j);
            }
        }
        return Double.NaN;
    }

    private double kthDistance(int i, IntList found, int k) {
        double[] d = new double[found.size()];
        for (int t = 0; t < d.length; t++) {
            d[t] = distance(i, found.get(t));
        }
        Arrays.sort(d);
        return d[k - 1];
    }

    /** The cells at Chebyshev distance exactly r from (gx, gy) that lie inside the grid. */
    private int[] ring(int gx, int gy, int r) {
        var out = new IntList();
        for (int by = gy - r; by <= gy + r; by++) {
            if (by < 0 || by >= ny) {
                continue;
            }
            boolean edgeRow = by == gy - r || by == gy + r;
            for (int bx = gx - r; bx <= gx + r; bx += edgeRow ? 1 : Math.max(1, 2 * r)) {
                if (bx >= 0 && bx < nx) {
                    out.add(bx + nx * by);
                }
            }
        }
        return out.toArray();
    }
}
