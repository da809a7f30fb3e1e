package nl.plein.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.plein.analysis.Participation.AreaResult;
import nl.plein.analysis.Participation.Representation;
import nl.plein.analysis.Participation.Result;

/**
 * Turns a {@link Participation.Result} into the form that may leave the server in public views
 * (analysis section 9). Counts of people: 0 shows as "0"; 1 up to the threshold shows as "<5"
 * with its rate and ratio hidden; larger counts are rounded to the nearest multiple of the
 * threshold (5 by default, as CBS does). Totals are taken from the raw data and shown rounded.
 *
 * <p>Secondary suppression: when the total is shown and exactly one area is hidden, that area could
 * be derived as the total minus the visible areas, so the visible area with the smallest positive
 * count is hidden too. A zero stays visible: it is the larger counts that narrow a derivation.
 *
 * <p>An exact rate or ratio would give the exact count back (rate times population), so shown
 * rates and ratios are computed from the rounded counts and the confidence bounds are left out;
 * the representation class, Gini and Hoover are computed on raw data and published as they are.
 * The Lorenz points are left out for the same reason as exact rates.
 */
public final class SmallCounts {
    public static final int DEFAULT_THRESHOLD = 5;

    public enum Hidden { NO, SMALL, SECONDARY }

    public record PublicArea(long areaId, String code, String name, Long population, String participants,
            Hidden hidden, boolean populationKnown, Double ratePer1000, Double ratio, Representation representation) {
    }

    public record PublicResult(List<PublicArea> areas, String participants, long population,
            String participantsAllAreas, Double ratePer1000, Double gini, Double hoover, int threshold, String method) {
    }

    private final int threshold;

    public SmallCounts(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the small-count threshold must be at least 1, was " + threshold);
        }
        this.threshold = threshold;
    }

    /** How a count of people is shown: "0", "<threshold", or rounded to the nearest multiple of the threshold. */
    public String show(long count) {
        if (count == 0) {
            return "0";
        }
        return count < threshold ? "<" + threshold : Long.toString(rounded(count));
    }

    long rounded(long count) {
        return count < threshold ? 0 : Math.round((double) count / threshold) * threshold;
    }

    public PublicResult publish(Result raw) {
        var hidden = hiddenCells(raw.areas(), raw.participantsAllAreas());
        long shownC = rounded(raw.participants());
        var areas = new ArrayList<PublicArea>(raw.areas().size());
        for (int i = 0; i < raw.areas().size(); i++) {
            areas.add(area(raw.areas().get(i), hidden.get(i), shownC, raw.population()));
        }
        return new PublicResult(List.copyOf(areas), show(raw.participants()), raw.population(),
                show(raw.participantsAllAreas()),
                raw.population() > 0 && shownC > 0 ? 1000.0 * shownC / raw.population() : null,
                raw.gini(), raw.hoover(), threshold,
                raw.method() + " Public counts: 0 as 0, 1-" + (threshold - 1) + " as <" + threshold
                        + " with rate and ratio hidden, others rounded to the nearest " + threshold
                        + "; a second area is hidden where a hidden one could be derived from the total;"
                        + " shown rates and ratios use the rounded counts.");
    }

    private List<Hidden> hiddenCells(List<AreaResult> areas, long total) {
        var hidden = new ArrayList<Hidden>(areas.size());
        int small = 0;
        for (var a : areas) {
            boolean isSmall = a.participants() > 0 && a.participants() < threshold;
            hidden.add(isSmall ? Hidden.SMALL : Hidden.NO);
            small += isSmall ? 1 : 0;
        }
        boolean totalShown = total >= threshold;
        if (totalShown && small == 1) {
            // With the total shown and one area at least the threshold, such an area always exists.
            var candidates = new ArrayList<Integer>();
            for (int i = 0; i < areas.size(); i++) {
                if (hidden.get(i) == Hidden.NO && areas.get(i).participants() > 0) {
                    candidates.add(i);
                }
            }
            candidates.stream()
                    .min(Comparator.<Integer>comparingLong(i -> areas.get(i).participants())
                            .thenComparingLong(i -> areas.get(i).areaId()))
                    .ifPresent(i -> hidden.set(i, Hidden.SECONDARY));
        }
        return hidden;
    }

    private PublicArea area(AreaResult a, Hidden hidden, long shownC, long p) {
        String participants = hidden == Hidden.SECONDARY ? "x" : show(a.participants());
        if (hidden != Hidden.NO || !a.populationKnown()) {
            return new PublicArea(a.areaId(), a.code(), a.name(), a.population(), participants, hidden,
                    a.populationKnown(), null, null, a.representation());
        }
        long shown = rounded(a.participants());
        Double ratio = shownC > 0 ? ((double) shown / shownC) / ((double) a.population() / p) : null;
        return new PublicArea(a.areaId(), a.code(), a.name(), a.population(), participants, hidden, true,
                1000.0 * shown / a.population(), ratio, a.representation());
    }
}
