package nl.plein.evaluations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.javalin.http.Context;
import java.util.Optional;
import nl.plein.accounts.Access;
import nl.plein.accounts.Viewer;
import nl.plein.config.Config;
import nl.plein.geo.GeoJsonReader;
import nl.plein.geo.GeometryRules;
import nl.plein.http.ApiError;
import nl.plein.http.Fields;
import nl.plein.http.Json;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.projects.ProjectStore;
import org.locationtech.jts.geom.Point;

/**
 * Learning from what was built: residents evaluate a finished work (a rating, what works, what does
 * not, and optionally a pin where the place is used or not), and everyone sees the texts and the
 * figures under the small-count rule (planners the raw counts).
 */
public final class EvaluationRoutes {
    /** What works and what does not: a few sentences each. */
    static final int MAX_TEXT = 2000;

    private final EvaluationStore store;
    private final Evaluations evaluations;
    private final ProjectStore projects;
    private final Config config;

    public EvaluationRoutes(EvaluationStore store, Evaluations evaluations, ProjectStore projects, Config config) {
        this.store = store;
        this.evaluations = evaluations;
        this.projects = projects;
        this.config = config;
    }

    public void put(Context ctx) {
        long workId = Requests.pathId(ctx, "id", "Work");
        Viewer viewer = Access.viewer(ctx);
        var body = Fields.of(Requests.jsonBody(ctx, config.maxBodyBytes()),
                "rating", "worksWell", "notWorking", "pin", "pinUsed");
        var work = store.work(workId);
        var draft = draft(body, work);
        if (!work.done()) {
            throw ApiError.conflict("work", "only a finished work can be evaluated; this one is " + work.status());
        }
        ctx.contentType("application/json").result(store.put(workId, viewer.requireAccount(), draft));
    }

    private EvaluationStore.Draft draft(Fields body, EvaluationStore.Work work) {
        int rating = body.optionalInteger("rating", 1, 5)
                .orElseThrow(() -> ApiError.invalid("rating", "is required: a whole number from 1 to 5"));
        int max = Math.min(MAX_TEXT, config.maxTextLength());
        String worksWell = body.optionalTextOrEmpty("worksWell", max).orElse("");
        String notWorking = body.optionalTextOrEmpty("notWorking", max).orElse("");
        Optional<Boolean> pinUsed = body.optionalBoolean("pinUsed");
        Optional<Point> pin = body.raw("pin").filter(node -> !node.isNull()).map(node -> point(node, work));
        if (pin.isPresent() != pinUsed.isPresent()) {
            throw ApiError.invalid(pin.isPresent() ? "pinUsed" : "pin",
                    "pin and pinUsed go together: give both (where, and whether it is used there) or neither");
        }
        return new EvaluationStore.Draft(rating, worksWell, notWorking, pin, pinUsed);
    }

    private Point point(com.fasterxml.jackson.databind.JsonNode node, EvaluationStore.Work work) {
        var geometry = GeoJsonReader.read(node, "pin", 16);
        if (!(geometry instanceof Point point)) {
            throw ApiError.invalid("pin", "must be a GeoJSON Point, not a " + geometry.getGeometryType());
        }
        GeometryRules.requireValid(point, "pin");
        if (!projects.rules(work.projectId()).preparedArea().covers(point)) {
            throw ApiError.unprocessable("pin", "lies outside the project's area");
        }
        return point;
    }

    public void own(Context ctx) {
        Query.of(ctx);
        long workId = Requests.pathId(ctx, "id", "Work");
        long author = Access.viewer(ctx).requireAccount();
        store.work(workId);
        store.own(workId, author).ifPresentOrElse(json -> ctx.contentType("application/json").result(json),
                () -> ctx.status(204));
    }

    public void withdraw(Context ctx) {
        long workId = Requests.pathId(ctx, "id", "Work");
        long author = Access.viewer(ctx).requireAccount();
        store.work(workId);
        store.withdraw(workId, author);
        ctx.status(204);
    }

    /** A work's figures (raw for planners), its pins as far as they may be shown, and what people wrote. */
    public void ofWork(Context ctx) {
        Query.of(ctx);
        long workId = Requests.pathId(ctx, "id", "Work");
        Viewer viewer = Access.viewer(ctx);
        var work = store.work(workId);
        boolean raw = viewer.role().plans();
        var figures = evaluations.figuresOfWork(work.projectId(), workId, raw);
        ObjectNode out = Json.MAPPER.valueToTree(figures.works().get(0));
        out.put("projectId", work.projectId());
        out.put("raw", raw);
        out.put("threshold", figures.threshold());
        out.putRawValue("pins", new RawValue(figures.pins()));
        out.putRawValue("texts", new RawValue("[" + String.join(",", store.texts(workId, viewer.isStaff())) + "]"));
        out.put("method", figures.method());
        ctx.json(out);
    }

    /** Every finished or evaluated work of a project with its figures, and the pins that may be shown. */
    public void ofProject(Context ctx) {
        Query.of(ctx);
        long projectId = Requests.pathId(ctx, "id", "Project");
        projects.rules(projectId);
        ctx.json(evaluations.figures(projectId, Access.viewer(ctx).role().plans()));
    }
}
