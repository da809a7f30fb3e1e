package nl.plein.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The small-count rule (METHODS.md §9) for counts of people that may leave the server in public
 * views. Counts of people: 0 shows as "0"; 1 up to the threshold shows as "<5"; larger counts are
 * rounded to the nearest multiple of the threshold (5 by default, as CBS does).
 *
 * <p>Secondary suppression: when a column's total is shown and exactly one cell is hidden, that
 * cell could be derived as the total minus the visible ones, so the visible cell with the smallest
 * positive count is hidden too. A zero stays visible: it is the larger counts that narrow a
 * derivation. How participation per area publishes its rates and ratios under this rule is
 * {@code nl.plein.participation.PublicParticipation}.
 */
public final class SmallCounts {
    public static final int DEFAULT_THRESHOLD = 5;

    public enum Hidden { NO, SMALL, SECONDARY }

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

    /** The count rounded as it is shown: 0 below the threshold, else to the nearest multiple of it. */
    public long rounded(long count) {
        return count < threshold ? 0 : Math.round((double) count / threshold) * threshold;
    }

    /** The rule in one sentence, for the method text of public figures. */
    public String describe() {
        return "Public counts: 0 as 0, 1-" + (threshold - 1) + " as <" + threshold
                + " with rate and ratio hidden, others rounded to the nearest " + threshold
                + "; where a hidden cell could be derived from a shown total, a second cell shows x;"
                + " shown rates and ratios use the rounded counts (server/METHODS.md §9).";
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
}
