package nl.plein.budgets.ballots;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plein.budgets.ballots.BallotVote.Pot;
import nl.plein.budgets.ballots.BallotVote.Type;
import nl.plein.http.ApiError;

/**
 * The rules a ballot must keep, whatever the route it comes by (account, code, paper). Each broken
 * rule is named by its field: {@code choices[i].itemId} for an unknown, repeated or out-of-reach
 * item, {@code choices[i].points} for points the ballot type does not allow, and {@code choices}
 * for a pot whose choices break its limit (which pot, and by how much). A voter may leave a pot
 * out (vote only city-wide, say); the limits hold in every pot they vote in.
 */
final class BallotCheck {
    /** An item on the ballot: its pot and cost. */
    record Item(long id, long potId, long cost) {
    }

    private BallotCheck() {
    }

    /**
     * Checks the choices against the vote, the items found among them ({@code items}, by id, of
     * this vote only) and the pots the voter may vote in; throws a 400 naming every broken rule.
     */
    static void check(BallotVote vote, List<Choice> choices, Map<Long, Item> items, List<Pot> allowed) {
        if (choices.isEmpty()) {
            throw ApiError.invalid("choices", "choose at least one item");
        }
        var errors = new ArrayList<ApiError.FieldError>();
        var potIds = new HashMap<Long, Pot>();
        allowed.forEach(p -> potIds.put(p.id(), p));
        var seen = new HashSet<Long>();
        var perPot = new LinkedHashMap<Long, List<Choice>>();
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            String at = "choices[" + i + "]";
            Item item = items.get(choice.itemId());
            if (!seen.add(choice.itemId())) {
                errors.add(new ApiError.FieldError(at + ".itemId", "item " + choice.itemId() + " appears twice"));
            } else if (item == null) {
                errors.add(new ApiError.FieldError(at + ".itemId", "there is no item " + choice.itemId()
                        + " on this vote's ballot"));
            } else if (!potIds.containsKey(item.potId())) {
                errors.add(new ApiError.FieldError(at + ".itemId", "item " + choice.itemId()
                        + " is in a pot this ballot cannot vote in (it may vote in: " + names(allowed) + ")"));
            } else {
                perPot.computeIfAbsent(item.potId(), k -> new ArrayList<>()).add(choice);
            }
            checkPoints(vote, choice, at, errors);
        }
        if (errors.isEmpty()) {
            perPot.forEach((potId, chosen) -> checkPot(vote, potIds.get(potId), chosen, items, errors));
        }
        if (!errors.isEmpty()) {
            throw ApiError.invalid(errors);
        }
    }

    private static void checkPoints(BallotVote vote, Choice choice, String at, List<ApiError.FieldError> errors) {
        String field = at + ".points";
        if (vote.type() != Type.CUMULATIVE) {
            if (choice.points().isPresent() && choice.points().get() != 1) {
                errors.add(new ApiError.FieldError(field, "a " + vote.type().wire()
                        + " ballot gives no points: leave them out (or give 1)"));
            }
            return;
        }
        if (choice.points().isEmpty()) {
            errors.add(new ApiError.FieldError(field, "is required on a cumulative ballot"));
        } else if (vote.maxPointsPerItem().isPresent() && choice.points().get() > vote.maxPointsPerItem().get()) {
            errors.add(new ApiError.FieldError(field, choice.points().get() + " points, at most "
                    + vote.maxPointsPerItem().get() + " on one item"));
        }
    }

    private static void checkPot(BallotVote vote, Pot pot, List<Choice> chosen, Map<Long, Item> items,
            List<ApiError.FieldError> errors) {
        String inPot = " in pot '" + pot.name() + "' (" + pot.id() + ")";
        switch (vote.type()) {
            case KNAPSACK -> {
                long cost = chosen.stream().mapToLong(c -> items.get(c.itemId()).cost()).sum();
                if (cost > pot.budget()) {
                    errors.add(new ApiError.FieldError("choices", "the items chosen" + inPot + " cost €" + cost
                            + ", €" + (cost - pot.budget()) + " over its budget of €" + pot.budget()));
                }
            }
            case APPROVAL -> {
                int count = chosen.size();
                if (count < vote.minItems()) {
                    errors.add(new ApiError.FieldError("choices", count + " items chosen" + inPot + ", at least "
                            + vote.minItems() + " (or none)"));
                }
                if (vote.maxItems().isPresent() && count > vote.maxItems().get()) {
                    errors.add(new ApiError.FieldError("choices", count + " items chosen" + inPot + ", at most "
                            + vote.maxItems().get()));
                }
            }
            case CUMULATIVE -> {
                long total = chosen.stream().mapToLong(Choice::pointsOrOne).sum();
                if (total > vote.points().orElseThrow()) {
                    errors.add(new ApiError.FieldError("choices", total + " points given" + inPot + ", "
                            + (total - vote.points().get()) + " over the " + vote.points().get() + " to spread"));
                }
            }
        }
    }

    private static String names(List<Pot> pots) {
        var names = new ArrayList<String>();
        pots.forEach(p -> names.add("'" + p.name() + "' (" + p.id() + ")"));
        return names.isEmpty() ? "none, as no pot is for its area" : String.join(", ", names);
    }
}
