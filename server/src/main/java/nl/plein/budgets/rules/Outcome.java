package nl.plein.budgets.rules;

import java.util.List;
import java.util.Map;

/**
 * What a rule funds: the funded item ids in the order the rule funded them, the euros spent, and
 * each item's votes (approvals, or points for cumulative ballots), for every item of the election.
 */
public record Outcome(List<String> funded, long spent, Map<String, Long> votes) {
    public Outcome {
        funded = List.copyOf(funded);
        votes = Map.copyOf(votes);
    }
}
