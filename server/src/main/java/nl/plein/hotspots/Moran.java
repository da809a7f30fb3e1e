package nl.plein.hotspots;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import nl.plein.analysis.Analyses;
import nl.plein.analysis.Analysis;
import nl.plein.analysis.Selection;
import nl.plein.http.ApiError;
import nl.plein.http.Query;
import nl.plein.participation.Participation.AreaCount;
import nl.plein.participation.ParticipationAnalysis;
import nl.plein.projects.ProjectRules;

/**
 * Spatial autocorrelation over hexagons or the areas of a boundary set: global Moran's I and LISA
 * (METHODS.md §2–§3, with the neighbours of §0.3 and the correction of §4), of proposals per km² or,
 * over areas, of participants per 1,000 residents.
 */
public final class Moran implements Analysis<Moran.Parameters, Moran.Result> {
    /** What the answer explains after its method: what Moran's I and LISA show and what they do not. */
    public static final String EXPLAINED = "Moran's I says whether similar values sit next to each other"
            + " across the whole map (above 0: clustered, near 0: no pattern, below 0: alternating). LISA looks at"
            + " each unit: HH is a high value among high neighbours, LL low among low, HL and LH are outliers; only"
            + " units significant after correcting for testing every unit (Benjamini–Hochberg) get a type. It shows"
            + " patterns, not causes, and depends on the units and neighbours chosen. Defined in Plein's"
            + " server/METHODS.md §0.3 (neighbours), §2 (Moran's I), §3 (LISA) and §4 (Benjamini–Hochberg).";

    public enum Measure { PROPOSALS, PARTICIPATION }

    /** The significance levels of METHODS.md §4. */
    private static final List<Double> ALPHAS = List.of(0.10, 0.05, 0.01);

    /** @param alpha the level LISA types are given at: 0.10, 0.05 or 0.01 */
    public record Parameters(UnitsAndWeights units, Measure measure, double alpha) implements Selection.Reads {
        @Override
        public Selection selection() {
            return units.selection();
        }

        /** The query parameters {@link #from} reads. */
        public static String[] names() {
            var names = UnitsAndWeights.parameters();
            names.addAll(List.of("measure", "alpha"));
            return names.toArray(String[]::new);
        }

        /**
         * A request's parameters (999 permutations unless told otherwise).
         *
         * @param defaultSize the project's default hexagon edge, asked only when the query names none
         * @param rules the project's rules, which a category is checked against
         */
        public static Parameters from(Query query, DoubleSupplier defaultSize, Supplier<ProjectRules> rules) {
            var units = UnitsAndWeights.from(query, MoranLocal.DEFAULT_PERMUTATIONS, defaultSize, rules);
            Measure measure = query.choice("measure", Measure.class).orElse(Measure.PROPOSALS);
            double alpha = query.number("alpha", 0, true, 1).orElse(0.05);
            if (!ALPHAS.contains(alpha)) {
                throw ApiError.invalid("alpha", "must be 0.10, 0.05 or 0.01, not " + alpha);
            }
            if (measure == Measure.PARTICIPATION && units.unit() != UnitsAndWeights.Unit.AREAS) {
                throw ApiError.invalid("measure", "participation is counted per area: ask for unit=areas with a set");
            }
            return new Parameters(units, measure, alpha);
        }
    }

    /**
     * The units and the weights over those with a value ({@code keep}); per kept unit its value, and per
     * unit the count the value rests on ({@code basis}: a value from fewer than the small-count threshold
     * is not shown publicly, since multiplying it back would give the count, METHODS.md §9).
     */
    public record Result(SpatialUnits units, SpatialWeights weights, Double band, boolean[] keep, long[] basis,
            double[] values, MoranGlobal.Result global, MoranLocal.Result local) {
    }

    private final SpatialUnitStore units;
    private final ParticipationAnalysis participation;

    public Moran(SpatialUnitStore units, ParticipationAnalysis participation) {
        this.units = units;
        this.participation = participation;
    }

    @Override
    public String name() {
        return "moran";
    }

    /**
     * The result as {@link Analyses#run} gives it, except that participation changes with every comment
     * and support, not only with the proposals the cache follows: it is computed afresh each time.
     */
    public Result run(Analyses analyses, long projectId, Parameters p) {
        return p.measure() == Measure.PROPOSALS ? analyses.run(this, projectId, p)
                : analyses.runFresh(this, projectId, p);
    }

    @Override
    public Result compute(Analyses.Run run, Parameters p) {
        var u = units.read(run, p.units());
        double[] all = new double[u.size()];
        boolean[] keep = new boolean[u.size()];
        long[] basis = new long[u.size()];
        if (p.measure() == Measure.PROPOSALS) {
            for (int i = 0; i < all.length; i++) {
                all[i] = u.km2()[i] > 0 ? u.proposals()[i] / u.km2()[i] : Double.NaN;
                keep[i] = u.km2()[i] > 0;
                basis[i] = u.proposals()[i];
            }
        } else {
            var areas = new HashMap<Long, AreaCount>();
            for (var area : participation.areaCounts(run.projectId(), p.units().set())) {
                if (area.population() != null && area.population() > 0) {
                    areas.put(area.areaId(), area);
                }
            }
            for (int i = 0; i < all.length; i++) {
                var area = areas.get(u.ids()[i]);
                keep[i] = area != null;
                all[i] = area == null ? Double.NaN : 1000.0 * area.participants() / area.population();
                basis[i] = area == null ? 0 : area.participants();
            }
        }
        var built = Built.over(p.units(), u, keep);
        var w = built.weights();
        double[] values = new double[w.size()];
        for (int i = 0, m = 0; i < all.length; i++) {
            if (keep[i]) {
                values[m++] = all[i];
            }
        }
        int permutations = p.units().permutations();
        try {
            return new Result(u, w, built.band(), keep, basis, values,
                    MoranGlobal.compute(w, values, permutations, UnitsAndWeights.SEED),
                    MoranLocal.compute(w, values, permutations, UnitsAndWeights.SEED));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("measure", "Moran's I cannot be computed here: " + e.getMessage());
        }
    }

    @Override
    public String whenTooSlow() {
        return "try hexagons, or a boundary set with fewer areas";
    }

    @Override
    public String method(Parameters p, Result r) {
        int permutations = p.units().permutations();
        return Methods.describe(p.units(), r.units(), String.format(Locale.ROOT, "Global Moran's I (row-standardised"
                + " weights, variance under randomisation, two-sided p%s) and local Moran's I (spdep's form; %s p,"
                + " Benjamini–Hochberg adjusted, types where the adjusted p < %s) on %s", permutations > 0
                ? ", and a pseudo p from " + permutations + " seeded permutations" : "",
                permutations > 0 ? "conditional-permutation" : "analytic", p.alpha(),
                p.measure() == Measure.PROPOSALS ? "proposals per km²"
                        : "participants per 1,000 residents (areas with unknown population left out)"));
    }
}
