package nl.plein.hotspots;

import java.util.SplittableRandom;

/**
 * Local Moran's I, or LISA (METHODS.md §3): for each unit, whether it and its neighbours are
 * alike (high among high, HH; low among low, LL) or unlike (a high outlier among low, HL; a low
 * outlier among high, LH). Unlike Gi*, it finds outliers as well as clusters.
 *
 * <p>With row-standardised weights w* and z_i = x_i − x̄: I_i = (z_i/m2)·Σ_j w*_ij z_j, m2 = Σz²/n
 * (spdep's form; PySAL's I_i differs by the factor (n−1)/n).
 *
 * <p>Inference is by conditional permutation: z_i stays, and its neighbour slots are filled with
 * values drawn without replacement from the other n − 1 units, R times. The pseudo-p is folded, as
 * PySAL's p_sim: (min(#sim ≥ I_i, #sim ≤ I_i) + 1)/(R + 1), one-sided in the direction I_i fell.
 * The permutation test makes no normality assumption, which matters for skewed counts. For quick
 * previews there is also an analytic z with spdep's {@code localmoran} default (conditional
 * randomisation) expectation and variance:
 * E[I_i] = −z_i² W_i / ((n−1) m2), Var[I_i] = (z_i/m2)² · n/(n−2) · (W_i2 − W_i²/(n−1)) · (m2 − z_i²/(n−1)),
 * with W_i = Σ_j w*_ij and W_i2 = Σ_j w*_ij².
 *
 * <p>Islands keep I_i = 0; their analytic z and p are NaN (0/0, as in spdep), their pseudo-p is 1,
 * and a NaN p is left out of the Benjamini–Hochberg count. The same holds for a unit whose value
 * is exactly the mean (z_i = 0): its I_i cannot vary, so it can never be significant.
 */
public final class MoranLocal {
    /** The usual number of permutations: the smallest pseudo-p is then 0.001. */
    public static final int DEFAULT_PERMUTATIONS = 999;

    /** Cluster type of a unit, from the sign of z_i and of its spatial lag. */
    public enum Cluster {
        /** high value among high neighbours (z > 0, lag > 0) */
        HH,
        /** low value among low neighbours (z ≤ 0, lag ≤ 0) */
        LL,
        /** high outlier among low neighbours (z > 0, lag ≤ 0) */
        HL,
        /** low outlier among high neighbours (z ≤ 0, lag > 0) */
        LH,
        NOT_SIGNIFICANT
    }

    private MoranLocal() {
    }

    /**
     * @param weights      weights without self; row-standardised here
     * @param permutations R conditional permutations, 0 for the analytic z only
     * @param seed         seed of the permutations; the same seed gives the same pseudo-p
     */
    public static Result compute(SpatialWeights weights, double[] values, int permutations, long seed) {
        Stats.checkValues(weights, values, 3);
        Stats.checkPermutations(permutations);
        Stats.checkNoSelf(weights);
        var w = weights.rowStandardised();
        int n = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double[] z = new double[n];
        double m2 = 0;
        for (int i = 0; i < n; i++) {
            z[i] = values[i] - mean;
            m2 += z[i] * z[i];
        }
        m2 /= n;
        double[] local = new double[n];
        double[] lag = new double[n];
        double[] expected = new double[n];
        double[] variance = new double[n];
        double[] zScore = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double wi = 0;
            double wi2 = 0;
            for (int t = w.rowStart[i]; t < w.rowStart[i + 1]; t++) {
                lag[i] += w.weight[t] * z[w.col[t]];
                wi += w.weight[t];
                wi2 += w.weight[t] * w.weight[t];
            }
            local[i] = z[i] / m2 * lag[i];
            double zi2 = z[i] * z[i];
            expected[i] = -(zi2 * wi) / ((n - 1) * m2);
            variance[i] = (zi2 / (m2 * m2)) * ((double) n / (n - 2)) * (wi2 - wi * wi / (n - 1)) * (m2 - zi2 / (n - 1));
            zScore[i] = (local[i] - expected[i]) / Math.sqrt(variance[i]);
            p[i] = Stats.twoSidedP(zScore[i]);
        }
        double[] permutationP = permutations == 0 ? null : permute(w, z, lag, permutations, seed);
        return new Result(weights.ids(), weights.islands(), z, lag, local, expected, variance, zScore, p,
                permutationP, permutations);
    }

    /**
     * Conditional permutations. For a fixed unit, I_i is z_i/m2 times the lag, so comparing
     * z_i·lag is enough. The pool of candidate units is reshuffled in place (partial Fisher–Yates),
     * and each row's weights and columns are contiguous (CSR), so the R × Σ W_i inner loop neither
     * allocates nor jumps around memory more than the random draws require.
     */
    private static double[] permute(SpatialWeights w, double[] z, double[] lag, int permutations, long seed) {
        int n = z.length;
        var random = new SplittableRandom(seed);
        int[] pool = new int[n];
        int[] where = new int[n];
        for (int i = 0; i < n; i++) {
            pool[i] = i;
            where[i] = i;
        }
        double[] result = new double[n];
        for (int i = 0; i < n; i++) {
            GetisOrdGiStar.moveToEnd(pool, where, i);
            int from = w.rowStart[i];
            int to = w.rowStart[i + 1];
            double observed = z[i] * lag[i];
            int atLeast = 0;
            int atMost = 0;
            for (int r = 0; r < permutations; r++) {
                double simulated = 0;
                for (int t = from; t < to; t++) {
                    simulated += w.weight[t] * z[GetisOrdGiStar.draw(pool, where, t - from, n - 1, random)];
                }
                simulated *= z[i];
                if (simulated >= observed) {
                    atLeast++;
                }
                if (simulated <= observed) {
                    atMost++;
                }
            }
            result[i] = Stats.foldedP(atLeast, atMost, permutations);
        }
        return result;
    }

    /** LISA per unit, in the order of the weights' ids. */
    public static final class Result {
        private final long[] ids;
        private final long[] islands;
        private final double[] z;
        private final double[] lag;
        private final double[] local;
        private final double[] expected;
        private final double[] variance;
        private final double[] zScore;
        private final double[] p;
        private final double[] pAdjusted;
        private final double[] permutationP;
        private final double[] permutationPAdjusted;
        private final int permutations;

        private Result(long[] ids, long[] islands, double[] z, double[] lag, double[] local, double[] expected,
                double[] variance, double[] zScore, double[] p, double[] permutationP, int permutations) {
            this.ids = ids;
            this.islands = islands;
            this.z = z;
            this.lag = lag;
            this.local = local;
            this.expected = expected;
            this.variance = variance;
            this.zScore = zScore;
            this.p = p;
            this.pAdjusted = BenjaminiHochberg.adjust(p);
            this.permutationP = permutationP;
            this.permutationPAdjusted = permutationP == null ? null : BenjaminiHochberg.adjust(permutationP);
            this.permutations = permutations;
        }

        public long[] ids() {
            return ids.clone();
        }

        public long[] islands() {
            return islands.clone();
        }

        /** I_i. */
        public double[] local() {
            return local.clone();
        }

        /** Spatial lag Σ_j w*_ij z_j: the neighbours' average deviation from the mean. */
        public double[] lag() {
            return lag.clone();
        }

        /** Analytic E[I_i] (spdep, conditional randomisation). */
        public double[] expected() {
            return expected.clone();
        }

        /** Analytic Var[I_i] (spdep, conditional randomisation). */
        public double[] variance() {
            return variance.clone();
        }

        /** Analytic z of I_i, for previews. */
        public double[] zScore() {
            return zScore.clone();
        }

        /** Two-sided normal p of the analytic z. */
        public double[] p() {
            return p.clone();
        }

        public double[] pAdjusted() {
            return pAdjusted.clone();
        }

        public int permutations() {
            return permutations;
        }

        /** Folded conditional-permutation pseudo-p; empty when no permutations were run. */
        public double[] permutationP() {
            return permutationP == null ? new double[0] : permutationP.clone();
        }

        public double[] permutationPAdjusted() {
            return permutationPAdjusted == null ? new double[0] : permutationPAdjusted.clone();
        }

        /** Cluster types from the BH-adjusted permutation pseudo-p at α = 0.05. */
        public Cluster[] clusters() {
            return clusters(0.05, PValue.PERMUTATION);
        }

        /**
         * HH, LL, HL or LH where the chosen BH-adjusted p is below alpha (0.10, 0.05 or 0.01),
         * otherwise NOT_SIGNIFICANT. The type compares z_i and its lag with 0: HH (z &gt; 0, lag &gt; 0),
         * LL (≤ 0, ≤ 0), HL (&gt; 0, ≤ 0), LH (≤ 0, &gt; 0).
         */
        public Cluster[] clusters(double alpha, PValue source) {
            Stats.checkAlpha(alpha);
            double[] adjusted = source == PValue.ANALYTIC ? pAdjusted : permutationPAdjusted;
            if (adjusted == null) {
                throw new IllegalStateException("no permutations were run; use PValue.ANALYTIC");
            }
            var out = new Cluster[z.length];
            for (int i = 0; i < z.length; i++) {
                if (!(adjusted[i] < alpha)) {
                    out[i] = Cluster.NOT_SIGNIFICANT;
                } else if (z[i] > 0) {
                    out[i] = lag[i] > 0 ? Cluster.HH : Cluster.HL;
                } else {
                    out[i] = lag[i] > 0 ? Cluster.LH : Cluster.LL;
                }
            }
            return out;
        }
    }
}
