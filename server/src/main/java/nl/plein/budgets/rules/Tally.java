package nl.plein.budgets.rules;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Votes per item and the order ties are broken in, shared by the rules. */
final class Tally {
    private Tally() {
    }

    /** Each item's votes: the number of ballots approving it, or the sum of its points. */
    static Map<String, Long> votes(Election election) {
        List<Election.Item> items = election.items();
        Map<String, Integer> index = new HashMap<>(items.size() * 2);
        for (int j = 0; j < items.size(); j++) {
            index.put(items.get(j).id(), j);
        }
        long[] sum = new long[items.size()];
        for (Election.Ballot ballot : election.ballots()) {
            List<String> ids = ballot.itemIds();
            List<Integer> points = ballot.points();
            for (int i = 0; i < ids.size(); i++) {
                sum[index.get(ids.get(i))] += points.get(i);
            }
        }
        Map<String, Long> votes = new LinkedHashMap<>();
        for (int j = 0; j < items.size(); j++) {
            votes.put(items.get(j).id(), sum[j]);
        }
        return votes;
    }

    /**
     * The tie-break every rule uses between otherwise equal items: the cheaper item first, then the
     * lower id, compared as numbers when both ids are whole numbers (Pabulib ids usually are), else
     * as text; a numeric id comes before a non-numeric one.
     */
    static final Comparator<Election.Item> TIE_BREAK =
            Comparator.comparingLong(Election.Item::cost).thenComparing(Election.Item::id, Tally::compareIds);

    /** Greedy's order: more votes first, then {@link #TIE_BREAK}. */
    static Comparator<Election.Item> byVotes(Map<String, Long> votes) {
        return Comparator.<Election.Item>comparingLong(item -> -votes.get(item.id())).thenComparing(TIE_BREAK);
    }

    static int compareIds(String a, String b) {
        boolean an = isNumber(a);
        boolean bn = isNumber(b);
        if (an && bn) {
            String sa = stripZeros(a);
            String sb = stripZeros(b);
            int byLength = Integer.compare(sa.length(), sb.length());
            return byLength != 0 ? byLength : sa.compareTo(sb);
        }
        if (an != bn) {
            return an ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String stripZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }

    /** A lookup from item id to item. */
    static Map<String, Election.Item> byId(Election election) {
        Map<String, Election.Item> map = new HashMap<>();
        for (Election.Item item : election.items()) {
            map.put(item.id(), item);
        }
        return map;
    }
}
