package nl.plein.projects;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.plein.accounts.Access;
import nl.plein.geo.FeatureBody;
import nl.plein.geo.GeometryKind;
import nl.plein.geo.GeometryRules;
import nl.plein.http.ApiError;
import nl.plein.http.Choices;
import nl.plein.http.Fields;
import nl.plein.http.GeoJson;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/** Projects: anyone reads them, admins set them up. */
public final class ProjectRoutes {
    private static final String[] PROPERTIES = {"title", "summary", "categories", "geometryKinds", "stage",
            "open", "premoderation", "schedule", "language", "metricSrid"};

    private final ProjectStore store;
    private final long maxBody;
    private final int maxVertices;

    public ProjectRoutes(ProjectStore store, long maxBody, int maxVertices) {
        this.store = store;
        this.maxBody = maxBody;
        this.maxVertices = maxVertices;
    }

    public void list(Context ctx) {
        Query.of(ctx);
        GeoJson.collection(ctx, store.listFeatures(), null);
    }

    public void get(Context ctx) {
        Query.of(ctx);
        long id = Requests.pathId(ctx, "id", "Project");
        GeoJson.feature(ctx, store.feature(id).orElseThrow(() -> ApiError.notFound("Project " + id)));
    }

    public void create(Context ctx) {
        ProjectStore.Draft draft = draft(ctx, true);
        ctx.status(201);
        GeoJson.feature(ctx, store.create(draft, Access.viewer(ctx).requireAccount()));
    }

    public void update(Context ctx) {
        long id = Requests.pathId(ctx, "id", "Project");
        GeoJson.feature(ctx, store.update(id, draft(ctx, false)));
    }

    private ProjectStore.Draft draft(Context ctx, boolean creating) {
        var feature = FeatureBody.read(Requests.jsonBody(ctx, maxBody), creating, maxVertices, PROPERTIES);
        feature.geometry().ifPresent(ProjectRoutes::checkArea);
        Fields p = feature.properties();
        Optional<String> title = p.optionalText("title", 200);
        if (creating && title.isEmpty()) {
            throw ApiError.invalid("properties.title", "is required");
        }
        Optional<List<GeometryKind>> kinds = p.optionalTextList("geometryKinds", 3, 16).map(list -> {
            var parsed = new ArrayList<GeometryKind>();
            for (int i = 0; i < list.size(); i++) {
                parsed.add(Choices.parse("properties.geometryKinds[" + i + "]", list.get(i), GeometryKind.class));
            }
            if (parsed.isEmpty()) {
                throw ApiError.invalid("properties.geometryKinds", "must name at least one kind");
            }
            return parsed;
        });
        return new ProjectStore.Draft(title, p.optionalTextOrEmpty("summary", 5000), feature.geometry(),
                p.optionalTextList("categories", 30, 60), kinds, p.optionalChoice("stage", Stage.class),
                p.optionalBoolean("open"), p.optionalBoolean("premoderation"), schedule(p),
                p.optionalChoice("language", Language.class),
                p.optionalInteger("metricSrid", 1, 998_999).map(srid -> new MetricCrs(srid, p.path("metricSrid"))));
    }

    private static void checkArea(Geometry area) {
        GeometryRules.requireValid(area, "geometry");
        if (!(area instanceof Polygonal) || area.isEmpty()) {
            throw ApiError.invalid("geometry", "a project's area must be a Polygon or MultiPolygon");
        }
    }

    private static Optional<Map<Stage, LocalDate[]>> schedule(Fields p) {
        if (!p.has("schedule") || p.raw("schedule").orElseThrow().isNull()) {
            return Optional.empty();
        }
        String[] stageNames = java.util.Arrays.stream(Stage.values()).map(Choices::wire).toArray(String[]::new);
        Fields schedule = p.object("schedule", stageNames);
        var result = new EnumMap<Stage, LocalDate[]>(Stage.class);
        for (Stage stage : Stage.values()) {
            String name = Choices.wire(stage);
            if (!schedule.has(name)) {
                continue;
            }
            Fields dates = schedule.object(name, "startsOn", "endsOn");
            LocalDate start = date(dates, "startsOn");
            LocalDate end = date(dates, "endsOn");
            if (start != null && end != null && end.isBefore(start)) {
                throw ApiError.invalid(dates.path("endsOn"), "must not be before startsOn");
            }
            result.put(stage, new LocalDate[] {start, end});
        }
        return Optional.of(result);
    }

    private static LocalDate date(Fields fields, String name) {
        return fields.optionalText(name, 10).map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw ApiError.invalid(fields.path(name), "must be a date as YYYY-MM-DD");
            }
        }).orElse(null);
    }
}
