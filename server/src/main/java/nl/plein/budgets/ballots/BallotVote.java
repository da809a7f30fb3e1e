package nl.plein.budgets.ballots;

import java.util.List;
import java.util.Optional;

/**
 * A vote as casting a ballot reads it: its ballot type and limits, its boundary set, where it
 * stands (upcoming, open, closed), and its pots.
 */
record BallotVote(long id, String title, Type type, int minItems, Optional<Integer> maxItems,
        Optional<Integer> points, Optional<Integer> maxPointsPerItem, Optional<Long> areaSetId, boolean imported,
        String status, List<Pot> pots) {

    enum Type {
        KNAPSACK, APPROVAL, CUMULATIVE;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A pot: the city-wide one has no area. */
    record Pot(long id, Optional<Long> areaId, String name, long budget) {
    }

    BallotVote withPots(List<Pot> read) {
        return new BallotVote(id, title, type, minItems, maxItems, points, maxPointsPerItem, areaSetId, imported, status,
                List.copyOf(read));
    }

    boolean open() {
        return !imported && status.equals("open");
    }

    /** The pots someone from this area (empty: from no area of the vote's set) may vote in. */
    List<Pot> potsFor(Optional<Long> areaId) {
        return pots.stream().filter(p -> p.areaId().isEmpty() || p.areaId().equals(areaId)).toList();
    }
}
