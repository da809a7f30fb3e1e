package nl.plein.following;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import nl.plein.accounts.Access;
import nl.plein.config.Config;
import nl.plein.http.ApiError;
import nl.plein.http.Choices;
import nl.plein.http.Fields;
import nl.plein.http.Paging;
import nl.plein.http.Query;
import nl.plein.http.Requests;

/** Following things, reading one's notifications, and choosing whether they come by e-mail. */
public final class FollowingRoutes {
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    /** The languages a digest can be written in, as the body names them. */
    public enum Language { NL, EN }

    private final FollowingStore store;
    private final Config config;

    public FollowingRoutes(FollowingStore store, Config config) {
        this.store = store;
        this.config = config;
    }

    public void follow(Context ctx) {
        ctx.json(store.follow(Access.viewer(ctx), kind(ctx), target(ctx), true));
    }

    public void unfollow(Context ctx) {
        ctx.json(store.follow(Access.viewer(ctx), kind(ctx), target(ctx), false));
    }

    public void state(Context ctx) {
        Query.of(ctx);
        ctx.json(store.following(Access.viewer(ctx), kind(ctx), target(ctx)));
    }

    private static FollowKind kind(Context ctx) {
        return FollowKind.fromPath(ctx.pathParam("kind"));
    }

    private static long target(Context ctx) {
        return Requests.pathId(ctx, "id", kind(ctx).noun());
    }

    /** What I follow, my notifications (newest first, paged), the unread count and my e-mail choice. */
    public void list(Context ctx) {
        var query = Query.of(ctx, "limit", "cursor");
        int limit = query.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        var viewer = Access.viewer(ctx);
        List<Notification> rows = store.notifications(viewer, Paging.cursor(query), limit);
        boolean more = rows.size() > limit;
        List<Notification> page = more ? rows.subList(0, limit) : rows;
        var body = new LinkedHashMap<String, Object>();
        body.put("follows", store.follows(viewer));
        body.put("notifications", page);
        body.put("unread", store.unread(viewer));
        body.put("email", settings(store.settings(viewer)));
        body.put("next", more ? Paging.nextHref(ctx, page.get(page.size() - 1).id()) : null);
        ctx.json(body);
    }

    public void unread(Context ctx) {
        Query.of(ctx);
        ctx.json(java.util.Map.of("unread", store.unread(Access.viewer(ctx))));
    }

    /** Marks my notifications read up to an id (the newest one shown). */
    public void read(Context ctx) {
        var body = Fields.of(Requests.jsonBody(ctx, config.maxBodyBytes()), "upTo");
        long upTo = body.optionalId("upTo").orElseThrow(() -> ApiError.invalid("upTo", "is required"));
        ctx.json(java.util.Map.of("unread", store.markRead(Access.viewer(ctx), upTo)));
    }

    /** Turns e-mail on or off and chooses its language. */
    public void updateSettings(Context ctx) {
        var body = Fields.of(Requests.jsonBody(ctx, config.maxBodyBytes()), "enabled", "language");
        var enabled = body.optionalBoolean("enabled");
        var language = body.optionalChoice("language", Language.class).map(Choices::wire);
        ctx.json(settings(store.updateSettings(Access.viewer(ctx), enabled, language)));
    }

    private java.util.Map<String, Object> settings(FollowingStore.Settings settings) {
        var email = new LinkedHashMap<String, Object>();
        email.put("enabled", settings.email());
        email.put("language", settings.language() == null ? config.defaultLanguage() : settings.language());
        // Whether this server sends e-mail at all: without SMTP the choice is kept for later.
        email.put("available", config.smtp().isPresent());
        return email;
    }
}
