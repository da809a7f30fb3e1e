package nl.plein.moderation;

import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import nl.plein.db.Sql;
import nl.plein.http.ApiError;

/** Hiding and restoring contributions, each step logged with its moderator and reason. */
public final class ModerationStore {
    /** What can be moderated; the table name comes from this whitelist, never from the request. */
    public enum Target {
        PROPOSAL("proposals"), VARIANT("variants"), COMMENT("comments"), ANSWER("meeting_answers");

        final String table;

        Target(String table) {
            this.table = table;
        }
    }

    public enum Action { HIDE, RESTORE }

    public record Entry(long id, String targetKind, long targetId, String action, String reason,
                        long moderatorId, String moderatorName, OffsetDateTime at) {
    }

    private final DataSource dataSource;

    public ModerationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Entry apply(Target target, long id, Action action, String reason, long moderatorId) {
        boolean hide = action == Action.HIDE;
        String kind = target.name().toLowerCase();
        return Sql.transaction(dataSource, c -> {
            var current = Sql.one(c, "SELECT hidden FROM " + target.table + " WHERE id = ? FOR UPDATE",
                    rs -> rs.getBoolean(1), id)
                    .orElseThrow(() -> ApiError.notFound(capitalised(kind) + " " + id));
            if (current == hide) {
                throw ApiError.conflict("action", "this " + kind + " is " + (hide ? "hidden" : "visible") + " already");
            }
            Sql.update(c, "UPDATE " + target.table + " SET hidden = ? WHERE id = ?", hide, id);
            long logId = Sql.one(c, """
                    INSERT INTO moderation_log (target_kind, target_id, action, reason, moderator_id)
                    VALUES (?, ?, ?, ?, ?) RETURNING id""", rs -> rs.getLong(1),
                    kind, id, action.name().toLowerCase(), reason, moderatorId).orElseThrow();
            return Sql.one(c, LOG + " WHERE m.id = ?", ModerationStore::entry, logId).orElseThrow();
        });
    }

    public List<Entry> log(long beforeId, int limit) {
        return Sql.read(dataSource, c -> Sql.list(c, LOG + " WHERE m.id < ? ORDER BY m.id DESC LIMIT ?",
                ModerationStore::entry, beforeId, limit));
    }

    private static final String LOG = """
            SELECT m.id, m.target_kind, m.target_id, m.action, m.reason, m.moderator_id, a.display_name, m.at
              FROM moderation_log m JOIN accounts a ON a.id = m.moderator_id""";

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class));
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
