package nl.plein.hotspots;

import java.util.SplittableRandom;

/**
 * Global Moran's I (METHODS.md §2): one number for the whole map saying whether similar
 * values sit next to each other (I above E[I] = −1/(n−1)), are scattered at random (I near E[I]),
 * or alternate like a chessboard (I below E[I]). It answers "is there any clustering at all?"
 * before local statistics say where.
 *
 * <p>Weights are row-standardised here (spdep style "W"). Islands, units without neighbours, are
 * left out: they have no neighbourhood to compare with, and keeping them would dilute I. The
 * statistic is computed on the remaining units only (their own mean) and the islands are reported.
 *
 * <p>With z_i = x_i − x̄: I = (n/S0)·Σ_i Σ_j w_ij z_i z_j / Σ_i z_i², and its variance under the
 * randomisation assumption (values are a random arrangement of the observed ones, no normality
 * assumed), with b2 = n Σz⁴/(Σz²)², S1 = ½ Σ(w_ij + w_ji)², S2 = Σ_i (w_i· + w_·i)²:
 * Var = [n((n²−3n+3)S1 − nS2 + 3S0²) − b2((n²−n)S1 − 2nS2 + 6S0²)] / ((n−1)(n−2)(n−3)S0²) − E[I]².
 * The analytic p is two-sided normal. The permutation pseudo-p uses the folded definition of
 * PySAL's p_sim, (min(#sim ≥ I, #sim ≤ I) + 1)/(R + 1): it is one-sided in the direction the
 * observed I fell, which is what a planner asks ("is this clustering stronger than chance?"),
 * and it matches the most widely used open implementation, so results can be cross-checked.
 */
public final class MoranGlobal {
    private MoranGlobal() {
    }

    /**
     * @param weights      weights without self; row-standardised here after islands are removed
     * @param permutations R random permutations for the pseudo-p, 0 for none
     * @param seed         seed of the permutations
     */
    public static Result compute(SpatialWeights weights, double[] values, int permutations, long seed) {
        Stats.checkValues(weights, values, 4);
        Stats.checkPermutations(permutations);
        Stats.checkNoSelf(weights);
        int[] islands = weights.islandIndices();
        long[] islandIds = weights.islands();
        int[] keep = new int[weights.size() - islands.length];
        for (int i = 0, a = 0, b = 0; i < weights.size(); i++) {
            if (b < islands.length && islands[b] == i) {
                b++;
            } else {
                keep[a++] = i;
            }
        }
        if (keep.length < 4) {
            throw new IllegalArgumentException("weights leave " + keep.length
                    + " units with neighbours; Moran's variance needs at least 4");
        }
        var w = weights.subset(keep).rowStandardised();
        int n = keep.length;
        double[] x = new double[n];
        for (int a = 0; a < n; a++) {
            x[a] = values[keep[a]];
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] z = new double[n];
        double m2 = 0;
        double m4 = 0;
        for (int a = 0; a < n; a++) {
            z[a] = x[a] - mean;
            m2 += z[a] * z[a];
            m4 += z[a] * z[a] * z[a] * z[a];
        }
        if (m2 == 0) {
            throw new IllegalArgumentException("values of the units with neighbours are all equal (zero variance)");
        }
        double s0 = 0;
        double s1 = 0;
        double[] rowColumnSum = new double[n];
        for (int i = 0; i < n; i++) {
            for (int t = w.rowStart[i]; t < w.rowStart[i + 1]; t++) {
                int j = w.col[t];
                double wij = w.weight[t];
                double wji = w.weight(j, i);
                s0 += wij;
                // each stored w_ij covers the ordered pairs (i,j), and (j,i) too when w_ji is absent
                s1 += wji == 0 ? 2 * wij * wij : (wij + wji) * (wij + wji);
                rowColumnSum[i] += wij;
                rowColumnSum[j] += wij;
            }
        }
        s1 /= 2;
        double s2 = 0;
        for (double v : rowColumnSum) {
            s2 += v * v;
        }
        double cross = crossProduct(w, z);
        double i0 = n / s0 * cross / m2;
        double expected = -1.0 / (n - 1);
        double b2 = n * m4 / (m2 * m2);
        double nn = (double) n * n;
        double variance = (n * ((nn - 3 * n + 3) * s1 - n * s2 + 3 * s0 * s0)
                - b2 * ((nn - n) * s1 - 2 * n * s2 + 6 * s0 * s0))
                / ((n - 1.0) * (n - 2.0) * (n - 3.0) * s0 * s0) - expected * expected;
        double zScore = (i0 - expected) / Math.sqrt(variance);
        double permutationP = permutations == 0 ? Double.NaN : permute(w, z, cross, permutations, seed);
        return new Result(n, islandIds, i0, expected, variance, zScore, Stats.twoSidedP(zScore), permutationP,
                permutations);
    }

    /** Σ_i z_i Σ_j w_ij z_j: the numerator of I, the only part that changes between permutations. */
    private static double crossProduct(SpatialWeights w, double[] z) {
        double total = 0;
        for (int i = 0; i < z.length; i++) {
            double lag = 0;
            for (int t = w.rowStart[i]; t < w.rowStart[i + 1]; t++) {
                lag += w.weight[t] * z[w.col[t]];
            }
            total += z[i] * lag;
        }
        return total;
    }

    /** Total permutation: shuffles all values over the map R times (Fisher–Yates in place). */
    private static double permute(SpatialWeights w, double[] z, double observed, int permutations, long seed) {
        var random = new SplittableRandom(seed);
        double[] shuffled = z.clone();
        int atLeast = 0;
        int atMost = 0;
        for (int r = 0; r < permutations; r++) {
            for (int a = shuffled.length - 1; a > 0; a--) {
                int b = random.nextInt(a + 1);
                double v = shuffled[a];
                shuffled[a] = shuffled[b];
                shuffled[b] = v;
            }
            double simulated = crossProduct(w, shuffled);
            if (simulated >= observed) {
                atLeast++;
            }
            if (simulated <= observed) {
                atMost++;
            }
        }
        return Stats.foldedP(atLeast, atMost, permutations);
    }

    /**
     * @param n            units used (islands excluded)
     * @param islands      ids of the units left out for having no neighbour
     * @param p            two-sided normal p of z
     * @param permutationP folded pseudo-p, NaN when no permutations were run
     */
    public record Result(int n, long[] islands, double i, double expected, double variance, double z, double p,
            double permutationP, int permutations) {
        public Result {
            islands = islands.clone();
        }

        @Override
        public long[] islands() {
            return islands.clone();
        }
    }
}
