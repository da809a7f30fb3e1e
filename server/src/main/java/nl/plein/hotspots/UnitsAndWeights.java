package nl.plein.hotspots;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import nl.plein.analysis.Selection;
import nl.plein.hexbins.HexBins;
import nl.plein.http.ApiError;
import nl.plein.http.Query;
import nl.plein.projects.ProjectRules;

/**
 * What Gi* and Moran's I run over, shared by both: the units (hexagons of edge {@code size}, or the
 * areas of boundary set {@code set}), the neighbour weights between them, the number of seeded
 * permutations and the proposals counted. Its {@code toString} names every value, as the cache key needs.
 *
 * @param set null for hexagons
 * @param band null for the default band (and for knn and queen weights)
 */
public record UnitsAndWeights(Unit unit, double size, Long set, Weights weights, Double band, int k, int permutations,
        Selection selection) {
    public enum Unit { HEXAGONS, AREAS }

    public enum Weights { BAND, KNN, QUEEN }

    /** Permutations are seeded, so the same request gives the same pseudo p-values. */
    public static final long SEED = 20_261_128L;
    public static final int MAX_PERMUTATIONS = 9999;
    public static final int DEFAULT_K = 6;

    /** The query parameters {@link #from} reads. */
    static List<String> parameters() {
        var names = new ArrayList<>(List.of("unit", "size", "set", "weights", "band", "k", "permutations"));
        names.addAll(Selection.PARAMETERS);
        return names;
    }

    /**
     * Reads the units, weights and selection from a request's query.
     *
     * @param defaultSize the project's default hexagon edge, asked only when the query names none
     * @param rules the project's rules, which the category is checked against
     */
    static UnitsAndWeights from(Query query, int defaultPermutations, DoubleSupplier defaultSize,
            Supplier<ProjectRules> rules) {
        Unit unit = query.choice("unit", Unit.class).orElse(Unit.HEXAGONS);
        double size = query.number("size", 1, false, HexBins.MAX_SIZE).orElseGet(() -> unit == Unit.AREAS
                ? HexBins.DEFAULT_SIZE : defaultSize.getAsDouble());
        Long set = query.id("set").orElse(null);
        if (unit == Unit.AREAS && set == null) {
            throw ApiError.invalid("set", "give the boundary set whose areas are the units");
        }
        Weights weights = query.choice("weights", Weights.class).orElse(unit == Unit.AREAS ? Weights.QUEEN : Weights.BAND);
        if (weights == Weights.QUEEN && unit != Unit.AREAS) {
            throw ApiError.invalid("weights", "queen contiguity needs areas as units; hexagons use band or knn");
        }
        Double band = query.number("band", 0, true, 100_000).orElse(null);
        int k = query.integer("k", DEFAULT_K, 1, 100);
        int permutations = query.integer("permutations", defaultPermutations, 0, MAX_PERMUTATIONS);
        var selection = Selection.from(query, rules.get());
        return new UnitsAndWeights(unit, size, set, weights, band, k, permutations, selection);
    }

    /**
     * The public hot-spot cells' choice: hexagons of edge {@code size} with a band of the largest
     * nearest-neighbour distance, no permutations, every proposal anyone sees.
     */
    static UnitsAndWeights publicHexagons(double size, Selection selection) {
        return new UnitsAndWeights(Unit.HEXAGONS, size, null, Weights.BAND, null, DEFAULT_K, 0, selection);
    }

    /** The units loaded are enough for these statistics, and for k nearest neighbours among them. */
    void check(SpatialUnits units) {
        if (units.size() < 4) {
            throw ApiError.invalid(unit == Unit.HEXAGONS ? "size" : "set",
                    "there are " + units.size() + " units; these statistics need at least 4");
        }
        if (k >= units.size()) {
            throw ApiError.invalid("k", "must be less than the number of units (" + units.size() + ")");
        }
    }
}
