package nl.plein.hotspots;

import java.util.SplittableRandom;

/**
 * Hot spots: Getis–Ord Gi* (METHODS.md §1), as ArcGIS's "Hot Spot Analysis" and spdep's
 * {@code localG} with self included.
 *
 * <p>Gi* compares the sum of values in a unit's neighbourhood (the unit itself included) with what
 * that sum would be if values were scattered at random. A large positive z means the unit and its
 * neighbours are high together (a hot spot); a large negative z, low together (a cold spot). A
 * single high unit among low neighbours is not a hot spot.
 *
 * <p>With binary weights W, self included (w_ii = 1), W_i = Σ_j w_ij, S1_i = Σ_j w_ij²,
 * X̄ = Σx/n and S = √(Σx²/n − X̄²):
 * z_i = (Σ_j w_ij x_j − X̄·W_i) / (S·√[(n·S1_i − W_i²)/(n − 1)]).
 *
 * <p>Classes follow ArcGIS's Gi_Bin: ±3, ±2, ±1 where the Benjamini–Hochberg adjusted p is below
 * 0.01, 0.05, 0.10 (99, 95, 90 % confidence after FDR correction), the sign of z, and 0 otherwise.
 * By default the classes use the analytic two-sided normal p, BH-adjusted over all n units, so the
 * map does not depend on a random seed.
 */
public final class GetisOrdGiStar {
    private GetisOrdGiStar() {
    }

    /** Analytic z and p only. */
    public static Result compute(SpatialWeights weights, double[] values) {
        return compute(weights, values, 0, 0L);
    }

    /**
     * @param weights      binary weights without self (self is added here); row standardisation
     *                     would not change z, but binary weights keep the permutation test simple
     * @param permutations R conditional permutations for a pseudo-p, 0 for none
     * @param seed         seed of the permutations; the same seed gives the same pseudo-p
     */
    public static Result compute(SpatialWeights weights, double[] values, int permutations, long seed) {
        Stats.checkValues(weights, values, 3);
        Stats.checkPermutations(permutations);
        if (!weights.isBinary()) {
            throw new IllegalArgumentException("weights must be binary (0/1) for Gi*; do not row-standardise them");
        }
        var w = weights.withSelf();
        int n = values.length;
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        // S from centred values: Σx²/n − X̄² loses digits when the mean is large against the spread
        double centred = 0;
        for (double v : values) {
            centred += (v - mean) * (v - mean);
        }
        double s = Math.sqrt(centred / n);
        double[] z = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double wi = 0;
            double s1 = 0;
            double lag = 0;
            for (int t = w.rowStart[i]; t < w.rowStart[i + 1]; t++) {
                wi += w.weight[t];
                s1 += w.weight[t] * w.weight[t];
                lag += w.weight[t] * values[w.col[t]];
            }
            z[i] = (lag - mean * wi) / (s * Math.sqrt((n * s1 - wi * wi) / (n - 1)));
            p[i] = Stats.twoSidedP(z[i]);
        }
        double[] permutationP = permutations == 0 ? null : permute(w, values, permutations, seed);
        return new Result(weights.ids(), weights.islands(), z, p, permutationP, permutations);
    }

    /**
     * Conditional permutation: x_i stays, and its W_i − 1 neighbour slots are filled with values
     * drawn without replacement from the other n − 1 units. For a fixed unit z is increasing in the
     * neighbourhood sum, so the sums are compared directly.
     */
    private static double[] permute(SpatialWeights w, double[] values, int permutations, long seed) {
        int n = values.length;
        var random = new SplittableRandom(seed);
        int[] pool = new int[n];
        int[] where = new int[n];
        for (int i = 0; i < n; i++) {
            pool[i] = i;
            where[i] = i;
        }
        double[] result = new double[n];
        for (int i = 0; i < n; i++) {
            moveToEnd(pool, where, i);
            int from = w.rowStart[i];
            int to = w.rowStart[i + 1];
            double observed = 0;
            for (int t = from; t < to; t++) {
                if (w.col[t] != i) {
                    observed += w.weight[t] * values[w.col[t]];
                }
            }
            int atLeast = 0;
            int atMost = 0;
            for (int r = 0; r < permutations; r++) {
                double simulated = 0;
                int slot = 0;
                for (int t = from; t < to; t++) {
                    if (w.col[t] == i) {
                        continue;
                    }
                    simulated += w.weight[t] * values[draw(pool, where, slot++, n - 1, random)];
                }
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

    /** Puts unit i in the last place of the pool, so the first n − 1 places hold the other units. */
    static void moveToEnd(int[] pool, int[] where, int i) {
        swap(pool, where, where[i], pool.length - 1);
    }

    /**
     * One step of a partial Fisher–Yates shuffle over pool[0..size): picks a uniformly random unit
     * not yet picked in this permutation, places it at {@code slot} and returns it. The pool is
     * left as a permutation, so the next draw needs no reset (and no allocation).
     */
    static int draw(int[] pool, int[] where, int slot, int size, SplittableRandom random) {
        swap(pool, where, slot, slot + random.nextInt(size - slot));
        return pool[slot];
    }

    private static void swap(int[] pool, int[] where, int a, int b) {
        int u = pool[a];
        int v = pool[b];
        pool[a] = v;
        pool[b] = u;
        where[v] = a;
        where[u] = b;
    }

    /** Gi* per unit, in the order of the weights' ids. */
    public static final class Result {
        private final long[] ids;
        private final long[] islands;
        private final double[] z;
        private final double[] p;
        private final double[] pAdjusted;
        private final double[] permutationP;
        private final double[] permutationPAdjusted;
        private final int permutations;

        private Result(long[] ids, long[] islands, double[] z, double[] p, double[] permutationP,
                int permutations) {
            this.ids = ids;
            this.islands = islands;
            this.z = z;
            this.p = p;
            this.pAdjusted = BenjaminiHochberg.adjust(p);
            this.permutationP = permutationP;
            this.permutationPAdjusted = permutationP == null ? null : BenjaminiHochberg.adjust(permutationP);
            this.permutations = permutations;
        }

        public long[] ids() {
            return ids.clone();
        }

        /** Units without neighbours: their Gi* reduces to (x_i − X̄)/S, a plain standard score. */
        public long[] islands() {
            return islands.clone();
        }

        public double[] z() {
            return z.clone();
        }

        /** Two-sided normal p, before FDR correction. */
        public double[] p() {
            return p.clone();
        }

        /** {@link #p()} after Benjamini–Hochberg over all units. */
        public double[] pAdjusted() {
            return pAdjusted.clone();
        }

        public int permutations() {
            return permutations;
        }

        /** Folded permutation pseudo-p (see {@code Stats.foldedP}); empty when no permutations were run. */
        public double[] permutationP() {
            return permutationP == null ? new double[0] : permutationP.clone();
        }

        public double[] permutationPAdjusted() {
            return permutationPAdjusted == null ? new double[0] : permutationPAdjusted.clone();
        }

        /** Gi_Bin classes from the BH-adjusted analytic p (the default). */
        public int[] classes() {
            return classes(PValue.ANALYTIC);
        }

        /**
         * Gi_Bin classes: sign(z) × 3, 2 or 1 where the chosen BH-adjusted p is below 0.01, 0.05
         * or 0.10, else 0. With {@link PValue#PERMUTATION} the folded (one-sided) pseudo-p is used,
         * which is about half the two-sided analytic p, so it flags somewhat more units.
         */
        public int[] classes(PValue source) {
            double[] adjusted = source == PValue.ANALYTIC ? pAdjusted : permutationPAdjusted;
            if (adjusted == null) {
                throw new IllegalStateException("no permutations were run; use PValue.ANALYTIC");
            }
            int[] bins = new int[z.length];
            for (int i = 0; i < z.length; i++) {
                double q = adjusted[i];
                int level = q < 0.01 ? 3 : q < 0.05 ? 2 : q < 0.10 ? 1 : 0;
                bins[i] = (int) Math.signum(z[i]) * level;
            }
            return bins;
        }
    }
}
