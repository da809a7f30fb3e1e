package nl.plein.supports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import nl.plein.accounts.Viewer;
import nl.plein.db.Sql;
import nl.plein.http.ApiError;
import nl.plein.proposals.Visibility;

/**
 * Supports: one per person per proposal. The primary key makes a second support a no-op and the
 * trigger on {@code supports} keeps the count in the same transaction, so concurrent requests never
 * double-count.
 */
public final class SupportStore {
    private final DataSource dataSource;

    public SupportStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Map<String, Object> support(Viewer viewer, long proposalId) {
        return Sql.transaction(dataSource, c -> support(c, viewer, proposalId, Optional.empty()));
    }

    /** Adds the support inside the caller's transaction; one given in a live meeting names it. */
    public static Map<String, Object> support(Connection c, Viewer viewer, long proposalId, Optional<Long> meetingId)
            throws SQLException {
        long account = viewer.requireAccount();
        var state = Sql.one(c, "SELECT p.hidden OR p.withdrawn, p.status, j.open FROM proposals p "
                        + "JOIN projects j ON j.id = p.project_id WHERE p.id = ? AND " + Visibility.PROPOSAL,
                rs -> new Object[] {rs.getBoolean(1), rs.getString(2), rs.getBoolean(3)},
                proposalId, Visibility.params(viewer)[0], Visibility.params(viewer)[1])
                .orElseThrow(() -> ApiError.notFound("Proposal " + proposalId));
        if ((boolean) state[0] || "submitted".equals(state[1])) {
            throw ApiError.conflict("proposal", "only published proposals can be supported");
        }
        if (!(boolean) state[2]) {
            throw ApiError.forbidden("This project is closed for contributions.");
        }
        Sql.update(c, "INSERT INTO supports (proposal_id, account_id, meeting_id) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", proposalId, account, meetingId);
        return result(c, proposalId, true);
    }

    public Map<String, Object> withdraw(Viewer viewer, long proposalId) {
        return Sql.transaction(dataSource, c -> withdraw(c, viewer, proposalId));
    }

    /** Takes the viewer's support back inside the caller's transaction. */
    public static Map<String, Object> withdraw(Connection c, Viewer viewer, long proposalId) throws SQLException {
        long account = viewer.requireAccount();
        Sql.one(c, "SELECT 1 FROM proposals p WHERE p.id = ? AND " + Visibility.PROPOSAL, rs -> 1,
                proposalId, Visibility.params(viewer)[0], Visibility.params(viewer)[1])
                .orElseThrow(() -> ApiError.notFound("Proposal " + proposalId));
        Sql.update(c, "DELETE FROM supports WHERE proposal_id = ? AND account_id = ?", proposalId, account);
        return result(c, proposalId, false);
    }

    private static Map<String, Object> result(Connection c, long proposalId, boolean supported)
            throws SQLException {
        int count = Sql.one(c, "SELECT support_count FROM proposals WHERE id = ?", rs -> rs.getInt(1), proposalId)
                .orElseThrow();
        return Map.of("proposalId", proposalId, "supported", supported, "supportCount", count);
    }
}
