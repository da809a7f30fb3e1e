package nl.plein.participation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Who participates, per area, against population (METHODS.md §8). Pure computation: the
 * caller supplies one row per area with its population and its number of distinct participants
 * who live there.
 *
 * <p>Areas whose population is unknown (missing, or a negative sentinel such as CBS's -99997) or
 * zero get no rate and no ratio: they are reported as unknown, never as zero, and are left out of
 * the totals C and P from which ratios, the Lorenz curve, Gini and Hoover are computed.
 */
public final class Participation {
    /** Two-sided 95 %: the exact Poisson (Garwood) interval uses the 2.5 % and 97.5 % quantiles. */
    private static final double ALPHA = 0.05;
    /** The default solver accuracy of commons-math (1e-9) is too coarse for a 1e-9 check on ratios. */
    private static final double QUANTILE_ACCURACY = 1e-14;

    static final String METHOD = "Rate per 1,000 residents r = 1000*C_i/P_i. Representation ratio"
            + " RR = (C_i/C)/(P_i/P) with an exact Poisson (Garwood) 95% interval"
            + " [chi2_0.025(2C_i)/2, chi2_0.975(2C_i+2)/2] / E_i, E_i = P_i*C/P; under-represented when"
            + " the upper bound is below 1, over-represented when the lower bound is above 1."
            + " Lorenz curve over areas sorted by rate, population-weighted Gini"
            + " G = 1 - sum (x_k - x_{k-1})(y_k + y_{k-1}); Hoover index H = 1/2 sum |C_i/C - P_i/P|."
            + " Areas with unknown or zero population have no rate or ratio and are left out of C and P."
            + " Defined in Plein's server/METHODS.md §8.";

    public record AreaCount(long areaId, String code, String name, Long population, long participants) {
        public AreaCount {
            if (participants < 0) {
                throw new IllegalArgumentException("participants must not be negative, was " + participants);
            }
        }

        boolean populationKnown() {
            return population != null && population > 0;
        }
    }

    public enum Representation { UNDER, WITHIN, OVER, UNKNOWN }

    /**
     * One area's figures. Rate, ratio and bounds are null when the population is unknown; ratio and
     * bounds are also null when no area with a known population has any participant.
     */
    public record AreaResult(long areaId, String code, String name, Long population, long participants,
            boolean populationKnown, Double ratePer1000, Double ratio, Double ratioLower, Double ratioUpper,
            Representation representation) {
    }

    public record LorenzPoint(double population, double participants) {
    }

    /**
     * @param participants          C: participants in areas with a known population
     * @param population            P: residents of areas with a known population
     * @param participantsAllAreas  participants in every area, including those of unknown population
     * @param ratePer1000           1000*C/P, null when P is 0
     * @param gini                  null (as are Lorenz points and Hoover) when C or P is 0
     */
    public record Result(List<AreaResult> areas, long participants, long population, long participantsAllAreas,
            Double ratePer1000, List<LorenzPoint> lorenz, Double gini, Double hoover, String method) {
    }

    private Participation() {
    }

    public static Result compute(List<AreaCount> rows) {
        long c = 0;
        long p = 0;
        long all = 0;
        for (var row : rows) {
            all += row.participants();
            if (row.populationKnown()) {
                c += row.participants();
                p += row.population();
            }
        }
        var areas = new ArrayList<AreaResult>(rows.size());
        for (var row : rows) {
            areas.add(area(row, c, p));
        }
        boolean comparable = c > 0 && p > 0;
        var known = rows.stream().filter(AreaCount::populationKnown).toList();
        var lorenz = comparable ? lorenz(known, c, p) : List.<LorenzPoint>of();
        return new Result(List.copyOf(areas), c, p, all, p > 0 ? 1000.0 * c / p : null, lorenz,
                comparable ? gini(lorenz) : null, comparable ? hoover(known, c, p) : null, METHOD);
    }

    private static AreaResult area(AreaCount row, long c, long p) {
        if (!row.populationKnown()) {
            return new AreaResult(row.areaId(), row.code(), row.name(), row.population(), row.participants(),
                    false, null, null, null, null, Representation.UNKNOWN);
        }
        double rate = 1000.0 * row.participants() / row.population();
        if (c == 0) {
            return new AreaResult(row.areaId(), row.code(), row.name(), row.population(), row.participants(),
                    true, rate, null, null, null, Representation.UNKNOWN);
        }
        double expected = (double) row.population() * c / p;
        double ratio = row.participants() / expected;
        double lower = garwoodLower(row.participants()) / expected;
        double upper = garwoodUpper(row.participants()) / expected;
        var representation = upper < 1 ? Representation.UNDER : lower > 1 ? Representation.OVER : Representation.WITHIN;
        return new AreaResult(row.areaId(), row.code(), row.name(), row.population(), row.participants(),
                true, rate, ratio, lower, upper, representation);
    }

    /** Lower end of the exact 95 % interval for a Poisson mean given {@code count} events. */
    public static double garwoodLower(long count) {
        // chi-square with 0 degrees of freedom is a point mass at 0
        return count == 0 ? 0.0 : chiSquareQuantile(ALPHA / 2, 2.0 * count) / 2;
    }

    /** Upper end of the exact 95 % interval for a Poisson mean given {@code count} events. */
    public static double garwoodUpper(long count) {
        return chiSquareQuantile(1 - ALPHA / 2, 2.0 * count + 2) / 2;
    }

    private static double chiSquareQuantile(double probability, double degreesOfFreedom) {
        return new ChiSquaredDistribution(null, degreesOfFreedom, QUANTILE_ACCURACY)
                .inverseCumulativeProbability(probability);
    }

    /** Points from (0,0) over areas sorted by rate ascending (ties by area id, which does not change G). */
    private static List<LorenzPoint> lorenz(List<AreaCount> known, long c, long p) {
        var sorted = new ArrayList<>(known);
        sorted.sort(Comparator.<AreaCount>comparingDouble(a -> (double) a.participants() / a.population())
                .thenComparingLong(AreaCount::areaId));
        var points = new ArrayList<LorenzPoint>(sorted.size() + 1);
        points.add(new LorenzPoint(0, 0));
        long cumulativeP = 0;
        long cumulativeC = 0;
        for (var a : sorted) {
            cumulativeP += a.population();
            cumulativeC += a.participants();
            points.add(new LorenzPoint((double) cumulativeP / p, (double) cumulativeC / c));
        }
        return List.copyOf(points);
    }

    private static double gini(List<LorenzPoint> points) {
        double sum = 0;
        for (int k = 1; k < points.size(); k++) {
            var previous = points.get(k - 1);
            var point = points.get(k);
            sum += (point.population() - previous.population()) * (point.participants() + previous.participants());
        }
        return 1 - sum;
    }

    private static double hoover(List<AreaCount> known, long c, long p) {
        double sum = 0;
        for (var a : known) {
            sum += Math.abs((double) a.participants() / c - (double) a.population() / p);
        }
        return sum / 2;
    }
}
