package nl.plein.budgets.rules;

/** The entry point of the counting rules: runs a {@link Rule} on one pot. Pure Java, no database. */
public final class Rules {
    private Rules() {
    }

    /** Runs the rule as Plein uses it: greedy, or Equal Shares with add1 completion then greedy. */
    public static Outcome run(Rule rule, Election election) {
        return switch (rule) {
            case GREEDY -> Greedy.run(election);
            case EQUAL_SHARES -> EqualShares.run(election);
        };
    }
}
