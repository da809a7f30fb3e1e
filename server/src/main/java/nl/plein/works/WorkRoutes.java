package nl.plein.works;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import nl.plein.accounts.Access;
import nl.plein.config.Config;
import nl.plein.geo.GeoJsonReader;
import nl.plein.geo.GeometryRules;
import nl.plein.http.ApiError;
import nl.plein.http.Fields;
import nl.plein.http.GeoJson;
import nl.plein.http.Json;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.projects.ProjectStore;
import org.locationtech.jts.geom.Geometry;

/**
 * Carrying out, in public: anyone reads a project's works, one work with its timeline, and the
 * project's figures; planners make works from what was decided, change them and add steps.
 */
public final class WorkRoutes {
    private static final String[] CREATE_FIELDS = {"proposalId", "itemId", "title", "description", "team",
            "plannedStart", "plannedEnd", "budget"};
    private static final String[] CHANGE_FIELDS = {"title", "description", "team", "plannedStart", "plannedEnd",
            "spent", "asBuilt"};
    /** A budget above a trillion euros is a typing error, as on ballots. */
    private static final long MAX_AMOUNT = 1_000_000_000_000L;

    private final WorkStore store;
    private final ProjectStore projects;
    private final Config config;

    public WorkRoutes(WorkStore store, ProjectStore projects, Config config) {
        this.store = store;
        this.projects = projects;
        this.config = config;
    }

    public void list(Context ctx) {
        Query.of(ctx);
        long projectId = Requests.pathId(ctx, "id", "Project");
        json(ctx, "{\"works\":[" + String.join(",", store.list(projectId)) + "]}");
    }

    public void get(Context ctx) {
        Query.of(ctx);
        json(ctx, store.get(Requests.pathId(ctx, "id", "Work"), Access.viewer(ctx)));
    }

    public void figures(Context ctx) {
        Query.of(ctx);
        json(ctx, Json.write(store.figures(Requests.pathId(ctx, "id", "Project"))));
    }

    public void create(Context ctx) {
        long projectId = Requests.pathId(ctx, "id", "Project");
        JsonNode node = body(ctx);
        Fields body = Fields.of(node, CREATE_FIELDS);
        refuseNull(node, CREATE_FIELDS);
        Long proposalId = body.optionalId("proposalId").orElse(null);
        Long itemId = body.optionalId("itemId").orElse(null);
        if ((proposalId == null) == (itemId == null)) {
            throw ApiError.invalid(proposalId == null ? "proposalId" : "itemId", proposalId == null
                    ? "is required: give the accepted proposal (proposalId) or the funded ballot item (itemId)"
                    : "give proposalId or itemId, not both");
        }
        String team = body.text("team", config.maxTitleLength());
        LocalDate start = date(body, "plannedStart").orElseThrow(() -> ApiError.invalid("plannedStart", "is required"));
        LocalDate end = date(body, "plannedEnd").orElseThrow(() -> ApiError.invalid("plannedEnd", "is required"));
        requireOrder(start, end);
        var draft = new WorkDraft(proposalId, itemId, body.optionalText("title", config.maxTitleLength()).orElse(null),
                body.optionalTextOrEmpty("description", config.maxTextLength()).orElse(null), team, start, end,
                amount(body, "budget"), null, Optional.empty());
        ctx.status(201);
        json(ctx, store.create(projectId, draft, Access.viewer(ctx)));
    }

    public void update(Context ctx) {
        long workId = Requests.pathId(ctx, "id", "Work");
        JsonNode node = body(ctx);
        Fields body = Fields.of(node, CHANGE_FIELDS);
        refuseNull(node, CHANGE_FIELDS);
        Optional<Optional<Geometry>> asBuilt = body.raw("asBuilt").map(value -> value.isNull() ? Optional.empty()
                : Optional.of(GeoJsonReader.read(value, "asBuilt", config.maxVertices())));
        LocalDate start = date(body, "plannedStart").orElse(null);
        LocalDate end = date(body, "plannedEnd").orElse(null);
        if (start != null && end != null) {
            requireOrder(start, end);
        }
        var draft = new WorkDraft(null, null, body.optionalText("title", config.maxTitleLength()).orElse(null),
                body.optionalTextOrEmpty("description", config.maxTextLength()).orElse(null),
                body.optionalText("team", config.maxTitleLength()).orElse(null), start, end, null,
                amount(body, "spent"), asBuilt);
        json(ctx, store.update(workId, draft, Access.viewer(ctx), this::checkAsBuilt));
    }

    public void addStep(Context ctx) {
        long workId = Requests.pathId(ctx, "id", "Work");
        Fields body = Fields.of(body(ctx), "step", "onDate", "note");
        Step step = body.optionalChoice("step", Step.class).orElseThrow(() -> ApiError.invalid("step", "is required"));
        LocalDate onDate = date(body, "onDate").orElseThrow(() -> ApiError.invalid("onDate", "is required"));
        String note = body.text("note", config.maxTextLength());
        ctx.status(201);
        json(ctx, store.addStep(workId, step, onDate, note, Access.viewer(ctx)));
    }

    /** What was built is checked as a proposal's drawing is: valid, and inside the project's area. */
    private void checkAsBuilt(long projectId, Geometry geometry) {
        GeometryRules.requireValid(geometry, "asBuilt");
        GeometryRules.requireInside(geometry, "asBuilt", projects.rules(projectId).area());
    }

    /** Null is refused where it would only mean "absent": only asBuilt gives null a meaning (clearing it). */
    private static void refuseNull(JsonNode node, String[] fields) {
        for (String name : fields) {
            if (!name.equals("asBuilt") && node.has(name) && node.get(name).isNull()) {
                throw ApiError.invalid(name, "must not be null");
            }
        }
    }

    private static void requireOrder(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw ApiError.invalid("plannedEnd", "must not be before plannedStart (" + start + ")");
        }
    }

    private static Optional<LocalDate> date(Fields body, String name) {
        return body.optionalText(name, 10).map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw ApiError.invalid(body.path(name), "must be a date as YYYY-MM-DD, not '" + text + "'");
            }
        });
    }

    /** Whole euros from 0; null when absent. */
    private static Long amount(Fields body, String name) {
        JsonNode value = body.raw(name).orElse(null);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0
                || value.longValue() > MAX_AMOUNT) {
            throw ApiError.invalid(body.path(name), "must be a whole number of euros from 0 to " + MAX_AMOUNT
                    + ", not " + (value.isNumber() ? value.toString() : Fields.describe(value)));
        }
        return value.longValue();
    }

    private JsonNode body(Context ctx) {
        return Requests.jsonBody(ctx, config.maxBodyBytes());
    }

    private static void json(Context ctx, String text) {
        GeoJson.send(ctx, "application/json", text);
    }
}
