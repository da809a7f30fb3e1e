package nl.plein.hotspots;

/**
 * False discovery rate control (METHODS.md §4). Testing every unit of a map at 5 % would
 * flag about one unit in twenty by chance alone; Benjamini–Hochberg instead keeps the expected
 * share of false findings among the flagged units at α.
 */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {
    }

    /**
     * Adjusted p-values, equal to R's {@code p.adjust(p, method = "BH")}: sort ascending, then
     * p̃_(i) = min over k ≥ i of min(1, m·p_(k)/k). A unit is significant at level α when its
     * adjusted p is below α. NaN entries (no test) stay NaN and, as in R, do not count towards m.
     */
    public static double[] adjust(double[] p) {
        if (p == null) {
            throw new IllegalArgumentException("p must not be null");
        }
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            if (Double.isNaN(p[i])) {
                continue;
            }
            if (p[i] < 0 || p[i] > 1) {
                throw new IllegalArgumentException("p must hold probabilities between 0 and 1; p[" + i + "] is " + p[i]);
            }
            m++;
        }
        Integer[] order = new Integer[m];
        for (int i = 0, t = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                order[t++] = i;
            }
        }
        // largest first, so a running minimum gives the "min over k ≥ i"
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        double[] adjusted = new double[p.length];
        java.util.Arrays.fill(adjusted, Double.NaN);
        double running = Double.POSITIVE_INFINITY;
        for (int t = 0; t < m; t++) {
            int rank = m - t;
            running = Math.min(running, (double) m / rank * p[order[t]]);
            adjusted[order[t]] = Math.min(1, running);
        }
        return adjusted;
    }

    /**
     * Whether R permutations can make a unit significant at all among m tests: the smallest
     * permutation p is 1/(R+1), which on its own adjusts to m/(R+1), so R ≥ m/α − 1 is needed.
     * This is a necessary condition; with fewer permutations every cluster map is empty.
     */
    public static boolean permutationsCanReach(int permutations, int tests, double alpha) {
        return permutations >= minimumPermutations(tests, alpha);
    }

    /** The smallest R with R ≥ m/α − 1 (see {@link #permutationsCanReach}). */
    public static int minimumPermutations(int tests, double alpha) {
        if (tests < 1) {
            throw new IllegalArgumentException("tests must be at least 1, was " + tests);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, was " + alpha);
        }
        // the small allowance keeps 100 / 0.05 - 1 at 1999 despite 0.05 having no exact binary form
        return (int) Math.max(0, Math.ceil(tests / alpha - 1 - 1e-9));
    }
}
