package nl.plein.presentations;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.Optional;
import nl.plein.accounts.Access;
import nl.plein.config.Config;
import nl.plein.http.ApiError;
import nl.plein.http.Fields;
import nl.plein.http.GeoJson;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.projects.ProjectStore;

/**
 * Presentations for public meetings: a planner composes slides, each a saved map view with a
 * title and a short text; anyone may read them, as they are shown in public.
 */
public final class PresentationRoutes {
    /** A slide's text is read from a projector across a room: a few sentences. */
    public static final int MAX_SLIDE_TEXT = 600;

    private final PresentationStore store;
    private final ProjectStore projects;
    private final Config config;

    public PresentationRoutes(PresentationStore store, ProjectStore projects, Config config) {
        this.store = store;
        this.projects = projects;
        this.config = config;
    }

    public void list(Context ctx) {
        Query.of(ctx);
        long projectId = Requests.pathId(ctx, "id", "Project");
        projects.rules(projectId);
        json(ctx, store.list(projectId));
    }

    public void create(Context ctx) {
        long projectId = Requests.pathId(ctx, "id", "Project");
        projects.rules(projectId);
        Fields body = Fields.of(body(ctx), "title");
        String title = body.text("title", config.maxTitleLength());
        ctx.status(201);
        json(ctx, store.create(projectId, title, Access.viewer(ctx).requireAccount()));
    }

    public void get(Context ctx) {
        Query.of(ctx);
        long id = Requests.pathId(ctx, "id", "Presentation");
        json(ctx, store.presentation(id).orElseThrow(() -> ApiError.notFound("Presentation " + id)));
    }

    public void update(Context ctx) {
        long id = Requests.pathId(ctx, "id", "Presentation");
        store.projectOf(id);
        Fields body = Fields.of(body(ctx), "title");
        json(ctx, store.rename(id, body.text("title", config.maxTitleLength())));
    }

    public void delete(Context ctx) {
        store.delete(Requests.pathId(ctx, "id", "Presentation"));
        ctx.status(204);
    }

    public void addSlide(Context ctx) {
        long presentationId = Requests.pathId(ctx, "id", "Presentation");
        long projectId = store.projectOf(presentationId);
        Fields body = Fields.of(body(ctx), "title", "text", "view");
        String title = body.text("title", config.maxTitleLength());
        String text = body.optionalTextOrEmpty("text", MAX_SLIDE_TEXT).orElse("");
        MapView view = MapView.parse(body.raw("view").filter(v -> !v.isNull())
                .orElseThrow(() -> ApiError.invalid("view", "is required")), "view");
        store.requireReferences(projectId, view, "view");
        ctx.status(201);
        json(ctx, store.addSlide(presentationId, title, text, view));
    }

    public void updateSlide(Context ctx) {
        long slideId = Requests.pathId(ctx, "id", "Slide");
        var facts = store.slideFacts(slideId);
        Fields body = Fields.of(body(ctx), "title", "text", "view");
        Optional<String> title = body.optionalText("title", config.maxTitleLength());
        Optional<String> text = body.optionalTextOrEmpty("text", MAX_SLIDE_TEXT);
        Optional<MapView> view = body.raw("view").filter(v -> !v.isNull()).map(v -> MapView.parse(v, "view"));
        view.ifPresent(v -> store.requireReferences(facts.projectId(), v, "view"));
        json(ctx, store.updateSlide(slideId, title, text, view));
    }

    public void deleteSlide(Context ctx) {
        long slideId = Requests.pathId(ctx, "id", "Slide");
        store.deleteSlide(slideId, store.slideFacts(slideId).presentationId());
        ctx.status(204);
    }

    public void reorder(Context ctx) {
        long presentationId = Requests.pathId(ctx, "id", "Presentation");
        store.projectOf(presentationId);
        Fields body = Fields.of(body(ctx), "slideIds");
        var ids = body.optionalIdList("slideIds", PresentationStore.MAX_SLIDES)
                .orElseThrow(() -> ApiError.invalid("slideIds", "is required"));
        json(ctx, store.reorder(presentationId, ids));
    }

    private JsonNode body(Context ctx) {
        return Requests.jsonBody(ctx, config.maxBodyBytes());
    }

    private static void json(Context ctx, String text) {
        GeoJson.send(ctx, "application/json", text);
    }
}
