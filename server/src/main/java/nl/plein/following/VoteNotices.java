package nl.plein.following;

import nl.plein.db.Jdbis;
import org.jdbi.v3.core.Jdbi;

/**
 * Votes open and close by the clock, not by a write, so no trigger sees it happen: this notices
 * each opening and closing once, after the fact, and tells the project's followers in the same
 * statement (vote-events.sql).
 */
public final class VoteNotices {
    private static final String NOTICE = Jdbis.sql(VoteNotices.class, "vote-events.sql");

    private final Jdbi jdbi;

    public VoteNotices(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Notices what happened since the last run; answers how many notifications it queued. */
    public int run() {
        return jdbi.withHandle(h -> h.createUpdate(NOTICE).execute());
    }
}
