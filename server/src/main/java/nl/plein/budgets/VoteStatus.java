package nl.plein.budgets;

/**
 * Where a vote stands, derived from the clock and never stored: upcoming before it opens (its
 * set-up and ballot can still change), open until it closes, closed after, counted once its
 * results are kept ({@code counted_at}).
 */
public enum VoteStatus {
    UPCOMING, OPEN, CLOSED, COUNTED;

    /**
     * The rule as an SQL expression over a vote aliased {@code v}, for statements that say
     * {@code <status>}; the database's clock decides, the same for every reader.
     */
    public static final String SQL = "(CASE WHEN v.counted_at IS NOT NULL THEN 'counted'"
            + " WHEN now() < v.opens_at THEN 'upcoming' WHEN now() < v.closes_at THEN 'open' ELSE 'closed' END)";
}
