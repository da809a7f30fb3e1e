package nl.plein.hotspots;

import java.util.Arrays;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import nl.plein.analysis.Analyses;
import nl.plein.analysis.Analysis;
import nl.plein.analysis.Selection;
import nl.plein.http.ApiError;
import nl.plein.http.Query;
import nl.plein.projects.ProjectRules;

/**
 * Getis–Ord Gi* hot and cold spots of the proposals over hexagons or the areas of a boundary set
 * (METHODS.md §1, with the neighbours of §0.3 and the correction of §4).
 */
public final class HotSpots implements Analysis<HotSpots.Parameters, HotSpots.Result> {
    /** What the answer explains after its method: what Gi* shows and what it does not. */
    public static final String EXPLAINED = "Gi* compares the proposals in and around each unit (its neighbours"
            + " and itself) with what the whole area would lead one to expect. A high z with a small p means more"
            + " proposals cluster there than chance would readily give; class 3, 2 or 1 means 99, 95 or 90 %"
            + " confidence after correcting for testing every unit at once (Benjamini–Hochberg), and negative classes"
            + " mean fewer than expected (a cold spot). It does not say why people propose there, and where few"
            + " people took part at all, absence of proposals is not absence of wishes. Defined in Plein's"
            + " server/METHODS.md §0.3 (neighbours), §1 (Gi*) and §4 (Benjamini–Hochberg).";

    /**
     * @param everyCell true for the public cells: every unit however few, without z and p where Gi* has
     *     nothing to test (fewer than three units, or the same count everywhere); false refuses (400)
     *     fewer than 4 units and what Gi* cannot compute
     */
    public record Parameters(UnitsAndWeights units, boolean everyCell) implements Selection.Reads {
        @Override
        public Selection selection() {
            return units.selection();
        }

        /** The query parameters {@link #from} reads. */
        public static String[] names() {
            return UnitsAndWeights.parameters().toArray(String[]::new);
        }

        /**
         * A request's parameters (no permutations unless asked).
         *
         * @param defaultSize the project's default hexagon edge, asked only when the query names none
         * @param rules the project's rules, which a category is checked against
         */
        public static Parameters from(Query query, DoubleSupplier defaultSize, Supplier<ProjectRules> rules) {
            return new Parameters(UnitsAndWeights.from(query, 0, defaultSize, rules), false);
        }
    }

    /**
     * The units, the weights built over them with the band used (null for knn and queen), and Gi* (null
     * where the public cells had nothing to test).
     */
    public record Result(SpatialUnits units, SpatialWeights weights, Double band, GetisOrdGiStar.Result gi) {
    }

    private final SpatialUnitStore units;

    public HotSpots(SpatialUnitStore units) {
        this.units = units;
    }

    @Override
    public String name() {
        return "hotspots";
    }

    @Override
    public Result compute(Analyses.Run run, Parameters p) {
        var u = p.everyCell() ? units.readAll(run, p.units()) : units.read(run, p.units());
        var built = Built.over(p.units(), u, null);
        double[] values = proposals(u);
        if (p.everyCell()) {
            boolean varies = Arrays.stream(values).anyMatch(v -> v != values[0]);
            var gi = u.size() >= 3 && varies
                    ? GetisOrdGiStar.compute(built.weights(), values, 0, UnitsAndWeights.SEED) : null;
            return new Result(u, built.weights(), built.band(), gi);
        }
        try {
            return new Result(u, built.weights(), built.band(), GetisOrdGiStar.compute(built.weights(), values,
                    p.units().permutations(), UnitsAndWeights.SEED));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("unit", "Gi* cannot be computed here: " + e.getMessage());
        }
    }

    @Override
    public String whenTooSlow() {
        return "try hexagons, or a boundary set with fewer areas";
    }

    @Override
    public String method(Parameters p, Result r) {
        return Methods.describe(p.units(), r.units(), "Getis–Ord Gi* (binary weights, the unit itself included) on"
                + " the number of proposals per unit; two-sided normal p, Benjamini–Hochberg adjusted; classes"
                + " ±3/±2/±1 at 99/95/90 % confidence on the adjusted p");
    }

    private static double[] proposals(SpatialUnits u) {
        double[] values = new double[u.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = u.proposals()[i];
        }
        return values;
    }
}
