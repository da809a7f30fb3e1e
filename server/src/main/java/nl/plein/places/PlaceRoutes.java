package nl.plein.places;

import io.javalin.http.Context;
import nl.plein.config.Config;
import nl.plein.geo.FeatureBody;
import nl.plein.geo.GeometryRules;
import nl.plein.http.ApiError;
import nl.plein.http.Fields;
import nl.plein.http.GeoJson;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.projects.ProjectRules;
import nl.plein.projects.ProjectStore;
import org.locationtech.jts.geom.Point;

/**
 * Locations to pick from a list, for residents who cannot or would rather not use the map: the
 * project's named places (admins add them) and its neighbourhoods.
 */
public final class PlaceRoutes {
    private final PlaceStore store;
    private final ProjectStore projects;
    private final Config config;

    public PlaceRoutes(PlaceStore store, ProjectStore projects, Config config) {
        this.store = store;
        this.projects = projects;
        this.config = config;
    }

    public void list(Context ctx) {
        Query.of(ctx);
        long projectId = Requests.pathId(ctx, "id", "Project");
        projects.rules(projectId);
        GeoJson.collection(ctx, store.choices(projectId), null);
    }

    public void add(Context ctx) {
        long projectId = Requests.pathId(ctx, "id", "Project");
        ProjectRules rules = projects.rules(projectId);
        var feature = FeatureBody.read(Requests.jsonBody(ctx, config.maxBodyBytes()), true, config.maxVertices(),
                "name");
        Fields p = feature.properties();
        String name = p.text("name", 120);
        var geometry = feature.geometry().orElseThrow();
        if (!(geometry instanceof Point point)) {
            throw ApiError.invalid("geometry", "a place is a Point, not a " + geometry.getGeometryType());
        }
        GeometryRules.requireInside(point, "geometry", rules.area());
        ctx.status(201);
        GeoJson.feature(ctx, store.add(projectId, name, point));
    }
}
