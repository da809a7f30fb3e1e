package nl.plein.analysis;

/**
 * One spatial or statistical analysis as a service: typed parameters (a record, which holds the
 * selection of contributions it reads) in, a typed result out. It only computes; {@link Analyses},
 * the shared kit, runs it under the time limit, caches its result and publishes it under the
 * small-count rule with its method text. Routes, OGC collections, reports, slides and meetings all
 * call the same analysis through the kit.
 *
 * <p>To add one: write its parameters and result as records, implement this interface beside its
 * SQL, and call {@link Analyses#run} from whoever needs it (see ARCHITECTURE.md).
 *
 * @param <P> its parameters: a record whose {@code toString()} names every value that changes the
 *     answer (it is part of the cache key, with the project, its metric CRS and its analysis version)
 * @param <R> its result
 */
public interface Analysis<P, R> {
    /** The name its results are cached and logged under, e.g. {@code "clusters"}. */
    String name();

    /** Computes the result, reading the database through {@code run} (one read transaction under the time limit). */
    R compute(Analyses.Run run, P parameters);

    /** What a person can change when the time limit cut the analysis short, e.g. "try a larger cell size". */
    String whenTooSlow();

    /**
     * The method in words, for these parameters and result (METHODS.md cited by section). The kit adds
     * the small-count sentence when the figures are shown in public.
     */
    String method(P parameters, R result);
}
