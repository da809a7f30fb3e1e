package nl.plein.budgets.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An election compiled for Equal Shares: items by index, and voters with identical ballots grouped
 * into one weighted group (they always hold the same money, so the rule treats them as one).
 */
final class Profile {
    final Election.Item[] items;
    /** Each item's rank in the tie-break order (more votes, lower cost, lower id): lower wins. */
    final int[] rank;
    final long[] votes;
    /** Per item: the groups supporting it, and the points each of them gives it. */
    final int[][] supporters;
    final int[][] supporterPoints;
    /** Per item: the sum over its supporting voters of their points (weight × points). */
    final long[] pointWeight;
    /** Per group: how many voters cast this ballot. */
    final long[] weight;
    /** Per group: the items on the ballot and their points. */
    final int[][] groupItems;
    final int[][] groupPoints;
    final long voters;

    Profile(Election election) {
        items = election.items().toArray(new Election.Item[0]);
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < items.length; j++) {
            index.put(items[j].id(), j);
        }
        Map<String, Long> tally = Tally.votes(election);
        votes = new long[items.length];
        for (int j = 0; j < items.length; j++) {
            votes[j] = tally.get(items[j].id());
        }
        Integer[] order = new Integer[items.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        var byVotes = Tally.byVotes(tally);
        Arrays.sort(order, (a, b) -> byVotes.compare(items[a], items[b]));
        rank = new int[items.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        Map<BallotKey, Integer> groupOf = new HashMap<>();
        List<int[]> gItems = new ArrayList<>();
        List<int[]> gPoints = new ArrayList<>();
        List<Long> gWeight = new ArrayList<>();
        for (Election.Ballot ballot : election.ballots()) {
            int k = ballot.itemIds().size();
            long[] packed = new long[k];
            for (int i = 0; i < k; i++) {
                packed[i] = ((long) index.get(ballot.itemIds().get(i)) << 32) | ballot.points().get(i);
            }
            Arrays.sort(packed);
            BallotKey key = new BallotKey(packed);
            Integer g = groupOf.get(key);
            if (g == null) {
                g = gItems.size();
                groupOf.put(key, g);
                int[] is = new int[k];
                int[] ps = new int[k];
                for (int i = 0; i < k; i++) {
                    is[i] = (int) (packed[i] >>> 32);
                    ps[i] = (int) packed[i];
                }
                gItems.add(is);
                gPoints.add(ps);
                gWeight.add(1L);
            } else {
                gWeight.set(g, gWeight.get(g) + 1);
            }
        }
        groupItems = gItems.toArray(new int[0][]);
        groupPoints = gPoints.toArray(new int[0][]);
        weight = gWeight.stream().mapToLong(Long::longValue).toArray();
        voters = election.ballots().size();
        int[] count = new int[items.length];
        for (int[] is : groupItems) {
            for (int j : is) {
                count[j]++;
            }
        }
        supporters = new int[items.length][];
        supporterPoints = new int[items.length][];
        pointWeight = new long[items.length];
        for (int j = 0; j < items.length; j++) {
            supporters[j] = new int[count[j]];
            supporterPoints[j] = new int[count[j]];
        }
        int[] fill = new int[items.length];
        for (int g = 0; g < groupItems.length; g++) {
            for (int i = 0; i < groupItems[g].length; i++) {
                int j = groupItems[g][i];
                supporters[j][fill[j]] = g;
                supporterPoints[j][fill[j]] = groupPoints[g][i];
                fill[j]++;
                pointWeight[j] += weight[g] * groupPoints[g][i];
            }
        }
    }

    long cost(int j) {
        return items[j].cost();
    }

    /** A ballot as a sorted array of (item index, points), usable as a map key. */
    private record BallotKey(long[] packed) {
        @Override
        public boolean equals(Object o) {
            return o instanceof BallotKey other && Arrays.equals(packed, other.packed);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(packed);
        }
    }
}
