package nl.plein.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Hiding and restoring contributions, each step logged with its moderator and reason. */
public final class ModerationStore {
    private static final String LOCK = Jdbis.sql(ModerationStore.class, "lock.sql");
    private static final String SET_HIDDEN = Jdbis.sql(ModerationStore.class, "set-hidden.sql");
    private static final String RECORD = Jdbis.sql(ModerationStore.class, "record.sql");
    private static final String ENTRY = Jdbis.sql(ModerationStore.class, "entry.sql");
    private static final String LOG = Jdbis.sql(ModerationStore.class, "log.sql");

    /** What can be moderated; the table name comes from this whitelist, never from the request. */
    public enum Target {
        PROPOSAL("proposals"), VARIANT("variants"), COMMENT("comments"), ANSWER("meeting_answers"),
        WORK_STEP("work_steps"), EVALUATION("evaluations"), PHOTO("photos");

        final String table;

        Target(String table) {
            this.table = table;
        }
    }

    public enum Action { HIDE, RESTORE }

    public record Entry(long id, String targetKind, long targetId, String action, String reason,
                        long moderatorId, String moderatorName, OffsetDateTime at) {
    }

    private final Jdbi jdbi;

    public ModerationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Entry apply(Target target, long id, Action action, String reason, long moderatorId) {
        boolean hide = action == Action.HIDE;
        String kind = target.name().toLowerCase();
        return jdbi.inTransaction(h -> {
            boolean hidden = h.createQuery(LOCK).define("table", target.table).bind("id", id)
                    .map((rs, ctx) -> rs.getBoolean(1)).findOne()
                    .orElseThrow(() -> ApiError.notFound(capitalised(kind) + " " + id));
            if (hidden == hide) {
                throw ApiError.conflict("action", "this " + kind + " is " + (hide ? "hidden" : "visible") + " already");
            }
            h.createUpdate(SET_HIDDEN).define("table", target.table).bind("id", id).bind("hidden", hide).execute();
            long logId = h.createQuery(RECORD)
                    .bind("kind", kind)
                    .bind("target", id)
                    .bind("action", action.name().toLowerCase())
                    .bind("reason", reason)
                    .bind("moderator", moderatorId)
                    .mapTo(Long.class).one();
            return h.createQuery(ENTRY).bind("id", logId).map(ModerationStore::entry).one();
        });
    }

    public List<Entry> log(long beforeId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(LOG).bind("before", beforeId).bind("limit", limit)
                .map(ModerationStore::entry).list());
    }

    private static Entry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class));
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
