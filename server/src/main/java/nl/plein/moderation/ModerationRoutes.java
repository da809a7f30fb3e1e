package nl.plein.moderation;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import nl.plein.accounts.Access;
import nl.plein.config.Config;
import nl.plein.http.Fields;
import nl.plein.http.Query;
import nl.plein.http.Requests;

/** Moderators hide and restore proposals, variants, comments, answers, works' step notes and evaluations, always with a reason. */
public final class ModerationRoutes {
    private final ModerationStore store;
    private final Config config;

    public ModerationRoutes(ModerationStore store, Config config) {
        this.store = store;
        this.config = config;
    }

    public Handler handler(ModerationStore.Target target, ModerationStore.Action action) {
        return ctx -> {
            long id = Requests.pathId(ctx, "id", target.name().toLowerCase());
            var body = Fields.of(Requests.jsonBody(ctx, config.maxBodyBytes()), "reason");
            String reason = body.text("reason", 1000);
            ctx.status(201).json(store.apply(target, id, action, reason, Access.viewer(ctx).requireAccount()));
        };
    }

    public void log(Context ctx) {
        var query = Query.of(ctx, "limit", "before");
        ctx.json(store.log(query.id("before").orElse(Long.MAX_VALUE), query.integer("limit", 100, 1, 1000)));
    }
}
