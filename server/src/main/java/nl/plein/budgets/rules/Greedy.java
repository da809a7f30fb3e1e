package nl.plein.budgets.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Greedy (utilitarian greedy, METHODS.md "Participatory budgeting"): items in order of votes
 * (approvals, or points for cumulative ballots), most first, ties broken by lower cost then lower
 * id; each item is funded if its cost still fits in what is left of the budget, else skipped. An
 * item nobody voted for is never funded. Pabulib calls this rule {@code greedy}. The variant
 * {@code greedy-no-skip} stops at the first item that does not fit.
 */
public final class Greedy {
    private Greedy() {
    }

    /** Greedy with skipping: every item that still fits is funded. */
    public static Outcome run(Election election) {
        return run(election, true);
    }

    /** Greedy without skipping ({@code greedy-no-skip}): stops at the first item that does not fit. */
    public static Outcome runNoSkip(Election election) {
        return run(election, false);
    }

    private static Outcome run(Election election, boolean skip) {
        Map<String, Long> votes = Tally.votes(election);
        List<String> funded = new ArrayList<>();
        long left = election.budget();
        for (Election.Item item : inOrder(election, votes)) {
            if (item.cost() <= left) {
                funded.add(item.id());
                left -= item.cost();
            } else if (!skip) {
                break;
            }
        }
        return new Outcome(funded, election.budget() - left, votes);
    }

    /**
     * Fills what is left of the budget greedily after another rule: items not yet funded, in
     * greedy's order, each funded if it still fits. Equal Shares uses it as its last step.
     */
    static List<String> fill(Election election, Map<String, Long> votes, List<String> already, long left) {
        Set<String> taken = new HashSet<>(already);
        List<String> added = new ArrayList<>();
        for (Election.Item item : inOrder(election, votes)) {
            if (!taken.contains(item.id()) && item.cost() <= left) {
                added.add(item.id());
                left -= item.cost();
            }
        }
        return added;
    }

    /** The items with at least one vote, most votes first, then {@link Tally#TIE_BREAK}. */
    private static List<Election.Item> inOrder(Election election, Map<String, Long> votes) {
        List<Election.Item> order = new ArrayList<>();
        for (Election.Item item : election.items()) {
            if (votes.get(item.id()) > 0) {
                order.add(item);
            }
        }
        order.sort(Tally.byVotes(votes));
        return order;
    }
}
