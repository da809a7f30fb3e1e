package nl.plein.clusters;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;

/**
 * The eps DBSCAN gets when a request names none, from the density of the proposals and the
 * project's size (METHODS.md §5). A fixed 100 m made one cluster of everything on a square of
 * 400 m, and on a city cut dense centres into pieces.
 *
 * <p>The rule: for every proposal, the distance at which it would become a core point, which is
 * the distance to its (minPoints − 1)-th nearest other proposal (the k-distance of Ester et al.,
 * "A density-based algorithm for discovering clusters", KDD 1996, section 4.2, who choose eps at
 * the first valley of the sorted k-distance graph; see also Schubert et al., "DBSCAN revisited,
 * revisited", ACM TODS 42(3), 2017). The graph is sorted from short to long, and eps is its knee:
 * the point farthest below the straight line from its first to its last point, both axes scaled to
 * [0, 1] (the "Kneedle" of Satopää et al., ICDCS Workshops 2011, without smoothing). Proposals in
 * groups have short distances and come before the knee; scattered ones long, after it. The knee is
 * then kept between {@link #MIN_EPS} and a tenth of the project's size (the square root of its
 * area), so that stacked proposals cannot make eps 0 and a cluster cannot span most of a project.
 * With fewer than minPoints proposals nothing can cluster and eps is that upper bound.
 *
 * <p>Proposals at the same place (to the millimetre, as clusters.sql snaps them) are counted once
 * per place with their number, so that a thousand proposals geocoded to a town hall cost one
 * search, not a million.
 */
final class DefaultEps {
    /** Below this, two proposals are one place for anyone tapping a map on a phone. */
    static final double MIN_EPS = 10;
    /** The upper bound is this part of the project's size, √area. */
    static final double SIZE_FRACTION = 0.1;
    /** The k-distance is computed for at most this many places (every n-th one, in coordinate order) beyond it. */
    private static final int MAX_SAMPLED = 50_000;

    private DefaultEps() {
    }

    /** The chosen eps and the knee it came from (NaN when there were too few proposals for one). */
    record Choice(double eps, double knee, double upper) {
        String describe(int minPoints) {
            String bounds = String.format(Locale.ROOT, "kept between %s m and a tenth of √(project area) = %.0f m",
                    plain(MIN_EPS), upper);
            if (Double.isNaN(knee)) {
                return String.format(Locale.ROOT, "eps %.1f m by default: fewer than %d proposals, so the upper bound"
                        + " (a tenth of √(project area))", eps, minPoints);
            }
            return String.format(Locale.ROOT, "eps %.1f m by default: the knee (Kneedle, Satopää et al. 2011) of the"
                    + " sorted distances from each proposal to its %d-th nearest other proposal (the k-distance graph of"
                    + " Ester et al. 1996, k = minPoints − 1), at %.1f m, %s", eps, minPoints - 1, knee, bounds);
        }

        private static String plain(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    /**
     * @param x, y      the proposals as points in a metric CRS (metres)
     * @param minPoints DBSCAN's minPoints, the point itself included
     * @param areaM2    the project's area in m²
     */
    static Choice choose(double[] x, double[] y, int minPoints, double areaM2) {
        double upper = Math.max(MIN_EPS, SIZE_FRACTION * Math.sqrt(Math.max(0, areaM2)));
        int k = minPoints - 1;
        if (x.length < minPoints || k < 1) {
            return new Choice(upper, Double.NaN, upper);
        }
        double knee = knee(kDistances(x, y, k));
        // To the decimetre: finer than any map is read, and the same figure in every answer.
        double eps = Math.round(Math.min(upper, Math.max(MIN_EPS, knee)) * 10) / 10.0;
        return new Choice(eps, knee, upper);
    }

    /** The knee of the ascending graph {@code d[0][i]} with weights {@code d[1][i]} (proposals at that distance). */
    static double knee(double[][] d) {
        int n = d[0].length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(d[0][a], d[0][b]));
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += d[1][i];
        }
        double first = d[0][order[0]];
        double last = d[0][order[n - 1]];
        if (!(last > first)) {
            return last;
        }
        // On a step graph the greatest gap below the chord is at the right end of a step.
        double best = Double.NEGATIVE_INFINITY;
        double knee = last;
        double cumulative = 0;
        for (int r = 0; r < n; r++) {
            int i = order[r];
            cumulative += d[1][i];
            double gap = cumulative / total - (d[0][i] - first) / (last - first);
            if (gap > best) {
                best = gap;
                knee = d[0][i];
            }
        }
        return knee;
    }

    /**
     * For each distinct place (or a sample of them), the distance to its k-th nearest other proposal,
     * and how many proposals stand there: {distances[], weights[]}.
     */
    static double[][] kDistances(double[] x, double[] y, int k) {
        // Distinct places, to the millimetre, with their number of proposals.
        var index = new HashMap<Long, Integer>();
        double[] px = new double[x.length];
        double[] py = new double[x.length];
        int[] count = new int[x.length];
        int places = 0;
        for (int i = 0; i < x.length; i++) {
            long gx = Math.round(x[i] * 1000);
            long gy = Math.round(y[i] * 1000);
            long key = gx * 0x9E3779B97F4A7C15L ^ gy;
            Integer at = index.get(key);
            if (at == null || px[at] != gx / 1000.0 || py[at] != gy / 1000.0) {
                at = places++;
                index.put(key, at);
                px[at] = gx / 1000.0;
                py[at] = gy / 1000.0;
            }
            count[at]++;
        }
        var grid = new Grid(Arrays.copyOf(px, places), Arrays.copyOf(py, places), Arrays.copyOf(count, places), k);
        int step = Math.max(1, (places + MAX_SAMPLED - 1) / MAX_SAMPLED);
        int sampled = (places + step - 1) / step;
        double[][] out = new double[2][sampled];
        for (int s = 0; s < sampled; s++) {
            int i = s * step;
            out[0][s] = grid.kDistance(i, k);
            out[1][s] = count[i];
        }
        return out;
    }

    /** Places in square buckets of about k proposals each, searched ring by ring around a place. */
    private static final class Grid {
        private final double[] x;
        private final double[] y;
        private final int[] count;
        private final double minX;
        private final double minY;
        private final double side;
        private final int nx;
        private final int ny;
        private final int[] start;
        private final int[] members;

        Grid(double[] x, double[] y, int[] count, int k) {
            this.x = x;
            this.y = y;
            this.count = count;
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
            // About k places a bucket, and never more buckets than places along the longer side.
            double s = Math.max(Math.sqrt(width * height * Math.max(1, k) / n), Math.max(width, height) / n);
            this.side = s > 0 ? s : 1;
            this.minX = loX;
            this.minY = loY;
            this.nx = (int) Math.floor(width / side) + 1;
            this.ny = (int) Math.floor(height / side) + 1;
            int[] bucketOf = new int[n];
            this.start = new int[nx * ny + 1];
            for (int i = 0; i < n; i++) {
                bucketOf[i] = bucket(cx(x[i]), cy(y[i]));
                start[bucketOf[i] + 1]++;
            }
            for (int b = 0; b < nx * ny; b++) {
                start[b + 1] += start[b];
            }
            this.members = new int[n];
            int[] fill = Arrays.copyOf(start, nx * ny);
            for (int i = 0; i < n; i++) {
                members[fill[bucketOf[i]]++] = i;
            }
        }

        private int cx(double v) {
            return Math.min(nx - 1, (int) ((v - minX) / side));
        }

        private int cy(double v) {
            return Math.min(ny - 1, (int) ((v - minY) / side));
        }

        private int bucket(int i, int j) {
            return j * nx + i;
        }

        /** The distance from place {@code p} to its k-th nearest other proposal (0 when k others stand there). */
        double kDistance(int p, int k) {
            int others = count[p] - 1;
            if (others >= k) {
                return 0;
            }
            int need = k - others;
            // The nearest {need} proposals at other places: distances with their counts, kept sorted.
            double[] dist = new double[need];
            int[] have = new int[need];
            int size = 0;
            int total = 0;
            int ci = cx(x[p]);
            int cj = cy(y[p]);
            for (int ring = 0; ; ring++) {
                if (ring > 0 && total >= need && dist[size - 1] <= (ring - 1) * side) {
                    return dist[size - 1];
                }
                if (ci - ring < 0 && cj - ring < 0 && ci + ring >= nx && cj + ring >= ny) {
                    return dist[size - 1]; // every bucket searched; there are at least k others
                }
                for (int j = cj - ring; j <= cj + ring; j++) {
                    if (j < 0 || j >= ny) {
                        continue;
                    }
                    boolean edgeRow = j == cj - ring || j == cj + ring;
                    for (int i = ci - ring; i <= ci + ring; i += edgeRow ? 1 : 2 * Math.max(ring, 1)) {
                        if (i < 0 || i >= nx) {
                            continue;
                        }
                        int b = bucket(i, j);
                        for (int m = start[b]; m < start[b + 1]; m++) {
                            int q = members[m];
                            if (q == p) {
                                continue;
                            }
                            double d = Math.hypot(x[q] - x[p], y[q] - y[p]);
                            if (total >= need && d >= dist[size - 1]) {
                                continue;
                            }
                            // Insert (d, count) in order, then drop from the far end what is not needed.
                            int at = size;
                            while (at > 0 && dist[at - 1] > d) {
                                at--;
                            }
                            if (size == dist.length) {
                                dist = Arrays.copyOf(dist, size * 2);
                                have = Arrays.copyOf(have, size * 2);
                            }
                            System.arraycopy(dist, at, dist, at + 1, size - at);
                            System.arraycopy(have, at, have, at + 1, size - at);
                            dist[at] = d;
                            have[at] = count[q];
                            size++;
                            total += count[q];
                            while (size > 1 && total - have[size - 1] >= need) {
                                total -= have[--size];
                            }
                        }
                    }
                }
            }
        }
    }
}
