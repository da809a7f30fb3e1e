package nl.plein.hotspots;

import io.javalin.http.Context;
import java.util.function.Function;
import nl.plein.accounts.Access;
import nl.plein.analysis.Analyses;
import nl.plein.http.GeoJson;
import nl.plein.http.Json;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.projects.ProjectStore;

/**
 * Hot spots (Getis–Ord Gi*) and spatial autocorrelation (global Moran's I and LISA) over a
 * project's hexagons or the areas of a boundary set (METHODS.md §1–§4). Statistics are
 * computed on raw counts; counts of proposals shown to anyone but planners follow the small-count
 * rule. Every answer explains in plain words what the statistic shows and what it does not.
 */
public final class HotspotRoutes {
    private final Analyses analyses;
    private final HotSpots hotSpots;
    private final Moran moran;
    private final SpatialUnitStore units;
    private final ProjectStore projects;

    public HotspotRoutes(Analyses analyses, HotSpots hotSpots, Moran moran, SpatialUnitStore units,
            ProjectStore projects) {
        this.analyses = analyses;
        this.hotSpots = hotSpots;
        this.moran = moran;
        this.units = units;
        this.projects = projects;
    }

    public void hotspots(Context ctx) {
        var query = Query.of(ctx, HotSpots.Parameters.names());
        long projectId = Requests.pathId(ctx, "id", "Project");
        var p = HotSpots.Parameters.from(query, () -> units.defaultSize(projectId), () -> projects.rules(projectId));
        boolean raw = Access.viewer(ctx).role().plans();
        send(ctx, analyses.written(hotSpots, projectId, p, raw, result -> {
            var out = HotSpotJson.hotSpots(p, result, analyses.counts(raw));
            out.put("method", analyses.method(hotSpots, p, result, raw) + " " + HotSpots.EXPLAINED);
            return Json.write(out);
        }));
    }

    public void moran(Context ctx) {
        var query = Query.of(ctx, Moran.Parameters.names());
        long projectId = Requests.pathId(ctx, "id", "Project");
        var p = Moran.Parameters.from(query, () -> units.defaultSize(projectId), () -> projects.rules(projectId));
        boolean raw = Access.viewer(ctx).role().plans();
        Function<Moran.Result, String> write = result -> {
            var out = HotSpotJson.moran(p, result, analyses.counts(raw));
            out.put("method", analyses.method(moran, p, result, raw) + " " + Moran.EXPLAINED);
            return Json.write(out);
        };
        // Participation changes with every comment and support, which the analysis version does not
        // follow: only Moran over proposals is kept (Moran.run says so too).
        send(ctx, p.measure() == Moran.Measure.PROPOSALS
                ? analyses.written(moran, projectId, p, raw, write)
                : write.apply(moran.run(analyses, projectId, p)));
    }

    private static void send(Context ctx, String json) {
        ctx.header("Cache-Control", "private, no-store");
        GeoJson.send(ctx, "application/geo+json", json);
    }
}
