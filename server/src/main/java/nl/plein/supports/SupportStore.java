package nl.plein.supports;

import java.util.Map;
import java.util.Optional;
import nl.plein.accounts.Viewer;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.proposals.Visibility;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Supports: one per person per proposal. The primary key makes a second support a no-op and the
 * trigger on {@code supports} keeps the count in the same transaction, so concurrent requests never
 * double-count.
 */
public final class SupportStore {
    private static final String PROPOSAL_STATE = Jdbis.sql(SupportStore.class, "proposal-state.sql");
    private static final String VISIBLE_PROPOSAL = Jdbis.sql(SupportStore.class, "visible-proposal.sql");
    private static final String ADD = Jdbis.sql(SupportStore.class, "add.sql");
    private static final String WITHDRAW = Jdbis.sql(SupportStore.class, "withdraw.sql");
    private static final String COUNT = Jdbis.sql(SupportStore.class, "count.sql");

    private final Jdbi jdbi;

    public SupportStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Map<String, Object> support(Viewer viewer, long proposalId) {
        return jdbi.inTransaction(h -> support(h, viewer, proposalId, Optional.empty()));
    }

    private record State(boolean removed, String status, boolean projectOpen) {
    }

    /** Adds the support inside the caller's transaction; one given in a live meeting names it. */
    public static Map<String, Object> support(Handle h, Viewer viewer, long proposalId, Optional<Long> meetingId) {
        long account = viewer.requireAccount();
        var state = Visibility.apply(h.createQuery(PROPOSAL_STATE), viewer)
                .bind("proposal", proposalId)
                .map((rs, ctx) -> new State(rs.getBoolean(1), rs.getString(2), rs.getBoolean(3)))
                .findOne()
                .orElseThrow(() -> ApiError.notFound("Proposal " + proposalId));
        if (state.removed() || "submitted".equals(state.status())) {
            throw ApiError.conflict("proposal", "only published proposals can be supported");
        }
        if (!state.projectOpen()) {
            throw ApiError.forbidden("This project is closed for contributions.");
        }
        h.createUpdate(ADD)
                .bind("proposal", proposalId)
                .bind("account", account)
                .bind("meeting", meetingId.orElse(null))
                .execute();
        return result(h, proposalId, true);
    }

    public Map<String, Object> withdraw(Viewer viewer, long proposalId) {
        return jdbi.inTransaction(h -> withdraw(h, viewer, proposalId));
    }

    /** Takes the viewer's support back inside the caller's transaction. */
    public static Map<String, Object> withdraw(Handle h, Viewer viewer, long proposalId) {
        long account = viewer.requireAccount();
        boolean visible = Visibility.apply(h.createQuery(VISIBLE_PROPOSAL), viewer)
                .bind("proposal", proposalId)
                .mapTo(Boolean.class).one();
        if (!visible) {
            throw ApiError.notFound("Proposal " + proposalId);
        }
        h.createUpdate(WITHDRAW).bind("proposal", proposalId).bind("account", account).execute();
        return result(h, proposalId, false);
    }

    private static Map<String, Object> result(Handle h, long proposalId, boolean supported) {
        int count = h.createQuery(COUNT).bind("proposal", proposalId).mapTo(Integer.class).one();
        return Map.of("proposalId", proposalId, "supported", supported, "supportCount", count);
    }
}
