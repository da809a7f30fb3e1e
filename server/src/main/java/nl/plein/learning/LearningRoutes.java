package nl.plein.learning;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import nl.plein.accounts.Access;
import nl.plein.config.Config;
import nl.plein.http.ApiError;
import nl.plein.http.Fields;
import nl.plein.http.GeoJson;
import nl.plein.http.Json;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.projects.ProjectStore;

/**
 * Learning from a round: series of rounds (planners link projects as rounds of one series), the
 * lessons learned of a round (planners write them, anyone reads them), and the learning report as
 * JSON, always in public form.
 */
public final class LearningRoutes {
    /** A lesson is a paragraph or two: what went well or wrong, and what to do next time. */
    public static final int MAX_LESSON = 2000;
    /** Positions of rounds in a series: years fit, as do 1, 2, 3. */
    static final int MAX_POSITION = 9999;

    private final RoundStore store;
    private final LearningReport report;
    private final ProjectStore projects;
    private final Config config;

    public LearningRoutes(RoundStore store, LearningReport report, ProjectStore projects, Config config) {
        this.store = store;
        this.report = report;
        this.projects = projects;
        this.config = config;
    }

    public void createSeries(Context ctx) {
        Fields body = Fields.of(body(ctx), "name");
        String name = body.text("name", config.maxTitleLength());
        ctx.status(201);
        json(ctx, store.createSeries(name, Access.viewer(ctx).requireAccount()));
    }

    public void allSeries(Context ctx) {
        Query.of(ctx);
        json(ctx, store.allSeries());
    }

    public void series(Context ctx) {
        Query.of(ctx);
        json(ctx, store.series(Requests.pathId(ctx, "id", "Series")));
    }

    public void putRound(Context ctx) {
        long projectId = Requests.pathId(ctx, "id", "Project");
        projects.rules(projectId);
        Fields body = Fields.of(body(ctx), "seriesId", "label", "position");
        long seriesId = body.id("seriesId");
        String label = body.text("label", config.maxTitleLength());
        int position = body.optionalInteger("position", 0, MAX_POSITION)
                .orElseThrow(() -> ApiError.invalid("position", "is required"));
        json(ctx, store.putRound(projectId, seriesId, label, position));
    }

    public void removeRound(Context ctx) {
        long projectId = Requests.pathId(ctx, "id", "Project");
        projects.rules(projectId);
        if (!store.removeRound(projectId)) {
            throw ApiError.notFound("Series of project " + projectId);
        }
        ctx.status(204);
    }

    public void lessons(Context ctx) {
        Query.of(ctx);
        long projectId = Requests.pathId(ctx, "id", "Project");
        projects.rules(projectId);
        json(ctx, "{\"lessons\":" + store.lessons(projectId) + "}");
    }

    public void addLesson(Context ctx) {
        long projectId = Requests.pathId(ctx, "id", "Project");
        projects.rules(projectId);
        String text = Fields.of(body(ctx), "text").text("text", MAX_LESSON);
        ctx.status(201);
        json(ctx, store.addLesson(projectId, text, Access.viewer(ctx).requireAccount()));
    }

    public void updateLesson(Context ctx) {
        long id = Requests.pathId(ctx, "id", "Lesson");
        String text = Fields.of(body(ctx), "text").text("text", MAX_LESSON);
        json(ctx, store.updateLesson(id, text));
    }

    public void deleteLesson(Context ctx) {
        store.deleteLesson(Requests.pathId(ctx, "id", "Lesson"));
        ctx.status(204);
    }

    public void report(Context ctx) {
        Query.of(ctx);
        json(ctx, Json.write(report.json(Requests.pathId(ctx, "id", "Project"))));
    }

    private JsonNode body(Context ctx) {
        return Requests.jsonBody(ctx, config.maxBodyBytes());
    }

    private static void json(Context ctx, String text) {
        GeoJson.send(ctx, "application/json", text);
    }
}
