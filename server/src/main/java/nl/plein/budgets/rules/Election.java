package nl.plein.budgets.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One pot: its budget, its items and the ballots cast in it. An approval or knapsack ballot gives
 * each chosen item 1 point; a cumulative ballot gives each chosen item its points.
 *
 * <p>The constructor checks what the rules rely on and fails fast with a plain message: a
 * non-negative budget and costs, unique item ids, ballots of equal-length lists naming known items
 * at most once each with positive points.
 */
public record Election(long budget, List<Item> items, List<Ballot> ballots) {

    /** A ballot item with its cost in whole euros (or whole currency units for Pabulib). */
    public record Item(String id, long cost) {
        public Item {
            Objects.requireNonNull(id, "item id");
            if (cost < 0) {
                throw new IllegalArgumentException("item " + id + " has a negative cost " + cost);
            }
        }
    }

    /** One voter's choices: the items and the points given to each (same length). */
    public record Ballot(List<String> itemIds, List<Integer> points) {
        public Ballot {
            itemIds = List.copyOf(itemIds);
            points = List.copyOf(points);
            if (itemIds.size() != points.size()) {
                throw new IllegalArgumentException("a ballot names " + itemIds.size() + " items but gives "
                        + points.size() + " point values");
            }
            for (int p : points) {
                if (p <= 0) {
                    throw new IllegalArgumentException("a ballot gives " + p + " points; points must be positive");
                }
            }
        }

        /** An approval (or knapsack) ballot: one point for each item. */
        public static Ballot approval(List<String> itemIds) {
            return new Ballot(itemIds, itemIds.stream().map(id -> 1).toList());
        }
    }

    public Election {
        if (budget < 0) {
            throw new IllegalArgumentException("the budget is negative: " + budget);
        }
        items = List.copyOf(items);
        ballots = List.copyOf(ballots);
        Set<String> ids = new HashSet<>();
        for (Item item : items) {
            if (!ids.add(item.id())) {
                throw new IllegalArgumentException("item " + item.id() + " appears twice");
            }
        }
        for (Ballot ballot : ballots) {
            Set<String> seen = new HashSet<>();
            for (String id : ballot.itemIds()) {
                if (!ids.contains(id)) {
                    throw new IllegalArgumentException("a ballot names unknown item " + id);
                }
                if (!seen.add(id)) {
                    throw new IllegalArgumentException("a ballot names item " + id + " twice");
                }
            }
        }
    }
}
