package nl.plein.clusters;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import nl.plein.geo.PointGrid;

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
        record Place(long x, long y) {
        }
        var index = new HashMap<Place, Integer>();
        double[] px = new double[x.length];
        double[] py = new double[x.length];
        int[] count = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            var place = new Place(Math.round(x[i] * 1000), Math.round(y[i] * 1000));
            int at = index.computeIfAbsent(place, p -> index.size());
            px[at] = place.x() / 1000.0;
            py[at] = place.y() / 1000.0;
            count[at]++;
        }
        int places = index.size();
        var grid = new PointGrid(Arrays.copyOf(px, places), Arrays.copyOf(py, places), 0);
        int step = Math.max(1, (places + MAX_SAMPLED - 1) / MAX_SAMPLED);
        int sampled = (places + step - 1) / step;
        double[][] out = new double[2][sampled];
        for (int s = 0; s < sampled; s++) {
            int i = s * step;
            // Others at the place itself are at distance 0.
            int others = count[i] - 1;
            out[0][s] = others >= k ? 0 : grid.kthNearest(i, k - others, count);
            out[1][s] = count[i];
        }
        return out;
    }
}
