package nl.plein.hotspots;

import org.apache.commons.math3.special.Erf;

/** Checks and small formulas shared by the statistics in this package. */
final class Stats {
    private Stats() {
    }

    /** Fails fast on input no statistic here can use: wrong length, NaN or infinite values, or no variation. */
    static void checkValues(SpatialWeights weights, double[] values, int minimumUnits) {
        if (weights == null) {
            throw new IllegalArgumentException("weights must not be null");
        }
        if (values == null) {
            throw new IllegalArgumentException("values must not be null");
        }
        if (values.length != weights.size()) {
            throw new IllegalArgumentException("values must have one value per unit of the weights (" + weights.size()
                    + "), had " + values.length);
        }
        if (values.length < minimumUnits) {
            throw new IllegalArgumentException("values needs at least " + minimumUnits + " units, had " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("values must be finite numbers; unit " + i + " is " + values[i]);
            }
        }
        boolean allEqual = true;
        for (double v : values) {
            allEqual &= v == values[0];
        }
        if (allEqual) {
            throw new IllegalArgumentException("values are all equal (zero variance): there is no pattern to test");
        }
    }

    static void checkPermutations(int permutations) {
        if (permutations < 0) {
            throw new IllegalArgumentException("permutations must be 0 (none) or more, was " + permutations);
        }
    }

    static void checkNoSelf(SpatialWeights weights) {
        for (int i = 0; i < weights.size(); i++) {
            if (weights.weight(i, i) != 0) {
                throw new IllegalArgumentException("weights must not include a unit among its own neighbours"
                        + " (withSelf() is for Gi* only); unit " + i + " does");
            }
        }
    }

    static void checkAlpha(double alpha) {
        if (alpha != 0.10 && alpha != 0.05 && alpha != 0.01) {
            throw new IllegalArgumentException("alpha must be 0.10, 0.05 or 0.01, was " + alpha);
        }
    }

    /**
     * Two-sided normal p = 2(1 − Φ(|z|)) = erfc(|z|/√2). Written with erfc rather than 1 − Φ so
     * that small p-values in the tails keep their relative accuracy instead of cancelling to 0.
     * NaN stays NaN.
     */
    static double twoSidedP(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return Erf.erfc(Math.abs(z) / Math.sqrt(2));
    }

    /**
     * Folded permutation pseudo-p: (M + 1)/(R + 1) with M the number of simulated values at least
     * as extreme as the observed one on the side it fell, M = min(#(sim ≥ obs), #(sim ≤ obs)).
     * This is PySAL's p_sim (a one-sided p in the observed direction, so about half a two-sided
     * analytic p), except that a simulated value equal to the observed one counts on both sides: a
     * unit whose statistic cannot vary (z_i = 0) then gets p = 1, not the smallest possible p.
     */
    static double foldedP(int atLeast, int atMost, int permutations) {
        return (Math.min(atLeast, atMost) + 1.0) / (permutations + 1.0);
    }
}
