package nl.plein.budgets.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import nl.plein.analysis.Counts;
import nl.plein.analysis.SmallCounts.Hidden;
import nl.plein.budgets.results.Results.ItemResult;
import nl.plein.budgets.results.Results.PotResult;
import nl.plein.budgets.results.Results.VoteFacts;
import nl.plein.http.Json;

/**
 * An item's tally as one reader may see it (server/METHODS.md §12, "What the public sees of the
 * tallies", and §9). Its supporters (the ballots that chose it) are people, shown as every count of
 * people is ({@link Counts}: raw for planners, 0, "&lt;5" or rounded for everyone else). Its votes
 * are the same count for approval and knapsack ballots; for cumulative ballots they are points,
 * shown exactly, except that the public sees "x" for an item whose supporters are below the
 * threshold, since a few voters' points can give a ballot away. Winners and funding order are
 * counted on raw data and are the same for every reader.
 *
 * <p>Where a ballot chooses at most one item per pot, the items' supporters add up to the pot's
 * voters, which are shown: then, as for any column with a shown total (§9), when exactly one item
 * is hidden a second one is hidden too ("x", its votes as well). Which one is chosen in the order
 * of the items' ids, so that both rules' results, which list items in different orders, hide the
 * same one.
 */
final class Tallies {
    /** What is written for points that are not shown, as for a count hidden to protect another. */
    static final String HIDDEN = "x";

    private Tallies() {
    }

    /**
     * Which of a pot's items (in the pot's order) have their tallies hidden beyond the small ones:
     * the second cell of §9, when the vote's tallies add up to the pot's voters; none for planners.
     */
    static List<Hidden> hidden(PotResult pot, VoteFacts facts, Counts counts) {
        var none = Collections.nCopies(pot.items().size(), Hidden.NO);
        if (counts.raw() || !facts.oneChoice()) {
            return none;
        }
        var byId = pot.items().stream().sorted(Comparator.comparingLong(ItemResult::itemId)).toList();
        var hidden = counts.rule().hide(byId.stream().map(ItemResult::supporters).toList(), pot.voters());
        var byItem = new HashMap<Long, Hidden>();
        for (int i = 0; i < byId.size(); i++) {
            byItem.put(byId.get(i).itemId(), hidden.get(i));
        }
        return pot.items().stream().map(item -> byItem.get(item.itemId())).toList();
    }

    /** Puts {@code votes} and {@code supporters} of {@code item} in {@code node} as this reader sees them. */
    static void put(ObjectNode node, ItemResult item, boolean cumulative, Counts counts, Hidden hidden) {
        if (hidden == Hidden.SECONDARY) {
            node.put("votes", HIDDEN);
            node.put("supporters", HIDDEN);
            return;
        }
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
    static String[] json(ItemResult item, boolean cumulative, Counts counts, Hidden hidden) {
        var node = Json.MAPPER.createObjectNode();
        put(node, item, cumulative, counts, hidden);
        return new String[] {Json.write(node.get("votes")), Json.write(node.get("supporters"))};
    }

    private static boolean small(long supporters, Counts counts) {
        return supporters > 0 && supporters < counts.rule().threshold();
    }
}
