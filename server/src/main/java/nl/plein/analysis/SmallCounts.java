package nl.plein.analysis;

import java.util.ArrayList;
import java.util.List;
import nl.plein.analysis.Participation.AreaResult;
import nl.plein.analysis.Participation.Representation;
import nl.plein.analysis.Participation.Result;

/**
 * Turns a {@link Participation.Result} into the form that may leave the server in public views
 * (METHODS.md §9). Counts of people: 0 shows as "0"; 1 up to the threshold shows as "<5"
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
            String participantsAllAreas, Double ratePer1000, Double gini, Double hoover, int threshold) {
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
                raw.gini(), raw.hoover(), threshold);
    }

    /** The rule in one sentence, for the method text of public figures. */
    public String describe() {
        return "Public counts: 0 as 0, 1-" + (threshold - 1) + " as <" + threshold
                + " with rate and ratio hidden, others rounded to the nearest " + threshold
                + "; where a hidden cell could be derived from a shown total, a second cell shows x;"
                + " shown rates and ratios use the rounded counts (server/METHODS.md §9).";
    }

    private List<Hidden> hiddenCells(List<AreaResult> areas, long total) {
        return hide(areas.stream().map(AreaResult::participants).toList(), total);
    }

    /**
     * Which cells of one table column may not be shown: those from 1 up to the threshold, and, when
     * the column's total is shown and exactly one cell is hidden, the visible cell with the smallest
     * positive count (the lowest index among equals), which would otherwise give the hidden one away.
     */
    public List<Hidden> hide(List<Long> cells, long total) {
        var hidden = new ArrayList<Hidden>(cells.size());
        int small = 0;
        for (long cell : cells) {
            boolean isSmall = cell > 0 && cell < threshold;
            hidden.add(isSmall ? Hidden.SMALL : Hidden.NO);
            small += isSmall ? 1 : 0;
        }
        if (total >= threshold && small == 1) {
            int smallest = -1;
            for (int i = 0; i < cells.size(); i++) {
                if (hidden.get(i) == Hidden.NO && cells.get(i) > 0
                        && (smallest < 0 || cells.get(i) < cells.get(smallest))) {
                    smallest = i;
                }
            }
            if (smallest >= 0) {
                hidden.set(smallest, Hidden.SECONDARY);
            }
        }
        return hidden;
    }

    /** A cell as shown: "x" when hidden to protect another cell, else {@link #show(long)}. */
    public String show(long count, Hidden hidden) {
        return hidden == Hidden.SECONDARY ? "x" : show(count);
    }

    public int threshold() {
        return threshold;
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
