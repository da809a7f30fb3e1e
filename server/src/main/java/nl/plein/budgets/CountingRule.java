package nl.plein.budgets;

/**
 * The rule that turns a pot's ballots into funded items, as a vote records it: greedy by votes, or
 * the Method of Equal Shares with add1 completion (server/METHODS.md, participatory budgeting). The
 * wire names are those of the rules package's {@code Rule}, which runs them; this enum only names
 * the choice a planner makes when setting a vote up.
 */
public enum CountingRule {
    GREEDY, EQUAL_SHARES
}
