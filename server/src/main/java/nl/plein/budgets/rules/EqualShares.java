package nl.plein.budgets.rules;

/**
 * Method of Equal Shares (Peters and Skowron) with cost satisfaction, add1 completion, then greedy.
 * The implementation follows in the next commits; this commit only fixes the API.
 */
public final class EqualShares {
    private EqualShares() {
    }

    /** Equal Shares with add1 completion, then greedy on what is left of the budget. */
    public static Outcome run(Election election) {
        throw new UnsupportedOperationException("Equal Shares is not implemented yet");
    }
}
