package nl.plein.analysis;

import io.javalin.http.Context;
import nl.plein.accounts.Access;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.projects.ProjectStore;

/**
 * Who takes part in a project, per home area against population. Planners see the raw counts with
 * their intervals; everyone else sees the public form, with small counts hidden and counts rounded.
 */
public final class ParticipationRoutes {
    private final ParticipationStore store;
    private final ProjectStore projects;
    private final SmallCounts smallCounts;

    public ParticipationRoutes(ParticipationStore store, ProjectStore projects, SmallCounts smallCounts) {
        this.store = store;
        this.projects = projects;
        this.smallCounts = smallCounts;
    }

    public void get(Context ctx) {
        Query.of(ctx);
        long projectId = Requests.pathId(ctx, "id", "Project");
        projects.rules(projectId);
        var result = Participation.compute(store.byHomeArea(projectId));
        if (Access.viewer(ctx).role().plans()) {
            ctx.json(result);
        } else {
            ctx.json(smallCounts.publish(result));
        }
    }
}
