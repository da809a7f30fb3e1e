package nl.plein.budgets.rules;

import java.util.ArrayList;
import java.util.List;

/** Small helpers to write elections in tests as text. */
final class Ballots {
    private Ballots() {
    }

    /** Items from "id:cost" pairs. */
    static List<Election.Item> items(String... idCost) {
        List<Election.Item> items = new ArrayList<>();
        for (String s : idCost) {
            String[] p = s.split(":");
            items.add(new Election.Item(p[0], Long.parseLong(p[1])));
        }
        return items;
    }

    /** {@code count} identical approval ballots for the given items. */
    static List<Election.Ballot> approvals(int count, String... ids) {
        List<Election.Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ballots.add(Election.Ballot.approval(List.of(ids)));
        }
        return ballots;
    }

    @SafeVarargs
    static List<Election.Ballot> all(List<Election.Ballot>... groups) {
        List<Election.Ballot> out = new ArrayList<>();
        for (List<Election.Ballot> g : groups) {
            out.addAll(g);
        }
        return out;
    }
}
