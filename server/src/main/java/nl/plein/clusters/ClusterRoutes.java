package nl.plein.clusters;

import io.javalin.http.Context;
import nl.plein.accounts.Access;
import nl.plein.analysis.Analyses;
import nl.plein.http.GeoJson;
import nl.plein.http.Json;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.projects.ProjectStore;

/**
 * Where a project's proposals cluster ({@link Clusters}) as GeoJSON, one feature per cluster with
 * its convex outline. Planners see raw counts; everyone else sees counts under the small-count
 * threshold as "<5" and others rounded (METHODS.md §9).
 */
public final class ClusterRoutes {
    private final Analyses analyses;
    private final Clusters clusters;
    private final ProjectStore projects;

    public ClusterRoutes(Analyses analyses, Clusters clusters, ProjectStore projects) {
        this.analyses = analyses;
        this.clusters = clusters;
        this.projects = projects;
    }

    public void get(Context ctx) {
        var query = Query.of(ctx, ClusterParameters.QUERY.toArray(String[]::new));
        long projectId = Requests.pathId(ctx, "id", "Project");
        var parameters = ClusterParameters.from(query, projects.rules(projectId));
        var result = analyses.run(clusters, projectId, parameters);
        boolean raw = Access.viewer(ctx).role().plans();
        ctx.header("Cache-Control", "private, no-store");
        GeoJson.send(ctx, "application/geo+json", Json.write(ClusterFeatures.collection(result, parameters,
                analyses.counts(raw), analyses.method(clusters, parameters, result, raw))));
    }
}
