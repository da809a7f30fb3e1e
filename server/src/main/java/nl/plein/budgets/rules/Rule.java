package nl.plein.budgets.rules;

import java.util.Locale;

/**
 * The counting rules a budget vote can use. The wire names ("greedy", "equal_shares") are what the
 * API and the {@code budget_votes.rule} column carry.
 */
public enum Rule {
    /** Fund the most-voted items first, skipping any that no longer fit (METHODS.md, "Participatory budgeting"). */
    GREEDY,
    /** Method of Equal Shares with cost satisfaction, add1 completion, then greedy on what is left. */
    EQUAL_SHARES;

    /** The name used in JSON and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The rule of a wire name; an unknown name is an {@link IllegalArgumentException}. */
    public static Rule fromWire(String name) {
        for (Rule rule : values()) {
            if (rule.wireName().equals(name)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("unknown rule \"" + name + "\" (greedy or equal_shares)");
    }
}
