package nl.plein.following;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.plein.accounts.Viewer;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.proposals.Visibility;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Following and a person's notifications. Notifications are queued by the database's triggers
 * (migration V19) in the transaction of the event itself; this store only reads them, and keeps
 * each person's read mark and e-mail choice.
 */
public final class FollowingStore {
    private static final String TARGET_VISIBLE = Jdbis.sql(FollowingStore.class, "target-visible.sql");
    private static final String FOLLOW = Jdbis.sql(FollowingStore.class, "follow.sql");
    private static final String UNFOLLOW = Jdbis.sql(FollowingStore.class, "unfollow.sql");
    private static final String IS_FOLLOWING = Jdbis.sql(FollowingStore.class, "is-following.sql");
    private static final String FOLLOWS = Jdbis.sql(FollowingStore.class, "follows.sql");
    private static final String NOTIFICATIONS = Jdbis.sql(FollowingStore.class, "notifications.sql");
    private static final String UNREAD = Jdbis.sql(FollowingStore.class, "unread.sql");
    private static final String MARK_READ = Jdbis.sql(FollowingStore.class, "mark-read.sql");
    private static final String SETTINGS = Jdbis.sql(FollowingStore.class, "settings.sql");
    private static final String UPDATE_SETTINGS = Jdbis.sql(FollowingStore.class, "update-settings.sql");

    private final Jdbi jdbi;

    public FollowingStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Follows (or stops following) what the viewer may see; anything else is a 404. */
    public Map<String, Object> follow(Viewer viewer, FollowKind kind, long id, boolean follow) {
        long account = viewer.requireAccount();
        return jdbi.inTransaction(h -> {
            requireVisible(h, viewer, kind, id);
            h.createUpdate(follow ? FOLLOW : UNFOLLOW).bind("account", account).bind("kind", kind.wire())
                    .bind("id", id).execute();
            return state(kind, id, follow);
        });
    }

    public Map<String, Object> following(Viewer viewer, FollowKind kind, long id) {
        long account = viewer.requireAccount();
        return jdbi.withHandle(h -> {
            requireVisible(h, viewer, kind, id);
            boolean following = h.createQuery(IS_FOLLOWING).bind("account", account).bind("kind", kind.wire())
                    .bind("id", id).mapTo(Boolean.class).one();
            return state(kind, id, following);
        });
    }

    private static void requireVisible(Handle h, Viewer viewer, FollowKind kind, long id) {
        boolean visible = Visibility.apply(h.createQuery(TARGET_VISIBLE), viewer)
                .bind("kind", kind.wire()).bind("id", id).mapTo(Boolean.class).one();
        if (!visible) {
            throw ApiError.notFound(kind.noun() + " " + id);
        }
    }

    private static Map<String, Object> state(FollowKind kind, long id, boolean following) {
        var state = new LinkedHashMap<String, Object>();
        state.put("kind", kind.wire());
        state.put("id", id);
        state.put("following", following);
        return state;
    }

    /** What the viewer follows, newest first. */
    public List<Map<String, Object>> follows(Viewer viewer) {
        viewer.requireAccount();
        return jdbi.withHandle(h -> Visibility.apply(h.createQuery(FOLLOWS), viewer)
                .map((rs, ctx) -> {
                    var row = new LinkedHashMap<String, Object>();
                    row.put("kind", rs.getString("kind"));
                    row.put("id", rs.getLong("target_id"));
                    row.put("title", rs.getString("title"));
                    row.put("projectId", rs.getLong("project_id"));
                    row.put("since", rs.getObject("created_at", java.time.OffsetDateTime.class));
                    return (Map<String, Object>) row;
                }).list());
    }

    /** The viewer's notifications, newest first, before {@code cursor} when given; {@code limit + 1} at most. */
    public List<Notification> notifications(Viewer viewer, Optional<Long> cursor, int limit) {
        return jdbi.withHandle(h -> notifications(h, viewer, 0, cursor, limit + 1));
    }

    /** Notifications of one person with ids in (after, before), newest first; the digest reads them too. */
    static List<Notification> notifications(Handle h, Viewer viewer, long after, Optional<Long> before, int limit) {
        return Visibility.apply(h.createQuery(NOTIFICATIONS), viewer)
                .bind("after", after)
                .bind("cursor", before.orElse(null))
                .bind("limit", limit)
                .map((rs, ctx) -> new Notification(rs.getLong("id"), rs.getString("event"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class), rs.getLong("project_id"),
                        rs.getString("project_title"), rs.getBoolean("unread"), rs.getString("kind"),
                        rs.getLong("target_id"), rs.getString("title"), rs.getString("status"),
                        rs.getString("detail")))
                .list();
    }

    public long unread(Viewer viewer) {
        long account = viewer.requireAccount();
        return jdbi.withHandle(h -> h.createQuery(UNREAD).bind("viewer", account).mapTo(Long.class).one());
    }

    /** Marks everything up to {@code upTo} read and answers the unread count that remains. */
    public long markRead(Viewer viewer, long upTo) {
        long account = viewer.requireAccount();
        jdbi.useHandle(h -> h.createUpdate(MARK_READ).bind("viewer", account).bind("upTo", upTo).execute());
        return unread(viewer);
    }

    /** Whether the viewer gets e-mail, and in which language (null: the default). */
    public record Settings(boolean email, String language) {
    }

    public Settings settings(Viewer viewer) {
        long account = viewer.requireAccount();
        return jdbi.withHandle(h -> h.createQuery(SETTINGS).bind("viewer", account)
                .map((rs, ctx) -> new Settings(rs.getBoolean("email"), rs.getString("language"))).one());
    }

    public Settings updateSettings(Viewer viewer, Optional<Boolean> email, Optional<String> language) {
        long account = viewer.requireAccount();
        jdbi.useHandle(h -> h.createUpdate(UPDATE_SETTINGS).bind("viewer", account)
                .bind("email", email.orElse(null)).bind("language", language.orElse(null)).execute());
        return settings(viewer);
    }
}
