package nl.plein.supports;

import io.javalin.http.Context;
import nl.plein.accounts.Access;
import nl.plein.http.Requests;

/** PUT adds the viewer's support (again is harmless); DELETE withdraws it. */
public final class SupportRoutes {
    private final SupportStore store;

    public SupportRoutes(SupportStore store) {
        this.store = store;
    }

    public void support(Context ctx) {
        ctx.json(store.support(Access.viewer(ctx), Requests.pathId(ctx, "id", "Proposal")));
    }

    public void withdraw(Context ctx) {
        ctx.json(store.withdraw(Access.viewer(ctx), Requests.pathId(ctx, "id", "Proposal")));
    }
}
