package nl.plein.hotspots;

/** Which p-value a classification uses: the normal approximation, or the permutation test. */
public enum PValue {
    /** From the z-score under the normal approximation; quick and reproducible anywhere. */
    ANALYTIC,
    /** From conditional permutations; needs no normality assumption but depends on R and the seed. */
    PERMUTATION
}
