package nl.plein.budgets.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.plein.analysis.Counts;
import nl.plein.budgets.results.Results.ItemResult;
import nl.plein.http.Json;

/**
 * An item's tally as one reader may see it (server/METHODS.md §12, "What the public sees of the
 * tallies", and §9). Its supporters (the ballots that chose it) are people, shown as every count of
 * people is ({@link Counts}: raw for planners, 0, "&lt;5" or rounded for everyone else). Its votes
 * are the same count for approval and knapsack ballots; for cumulative ballots they are points,
 * shown exactly, except that the public sees "x" for an item whose supporters are below the
 * threshold, since a few voters' points can give a ballot away. Winners and funding order are
 * counted on raw data and are the same for every reader.
 */
final class Tallies {
    /** What is written for points that are not shown, as for a count hidden to protect another. */
    static final String HIDDEN = "x";

    private Tallies() {
    }

    /** Puts {@code votes} and {@code supporters} of {@code item} in {@code node} as this reader sees them. */
    static void put(ObjectNode node, ItemResult item, boolean cumulative, Counts counts) {
        if (!cumulative) {
            counts.put(node, "votes", item.votes());
        } else if (counts.raw() || !small(item.supporters(), counts)) {
            node.put("votes", item.votes());
        } else {
            node.put("votes", HIDDEN);
        }
        counts.put(node, "supporters", item.supporters());
    }

    /** The same two fields as JSON text of their own, for the results map that PostGIS writes. */
    static String[] json(ItemResult item, boolean cumulative, Counts counts) {
        var node = Json.MAPPER.createObjectNode();
        put(node, item, cumulative, counts);
        return new String[] {Json.write(node.get("votes")), Json.write(node.get("supporters"))};
    }

    private static boolean small(long supporters, Counts counts) {
        return supporters > 0 && supporters < counts.rule().threshold();
    }
}
