package nl.plein.proposals;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import nl.plein.accounts.Access;
import nl.plein.accounts.Viewer;
import nl.plein.config.Config;
import nl.plein.geo.FeatureBody;
import nl.plein.geo.GeometryRules;
import nl.plein.http.ApiError;
import nl.plein.http.Fields;
import nl.plein.http.GeoJson;
import nl.plein.http.Paging;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.projects.ProjectRules;
import nl.plein.projects.ProjectStore;
import org.locationtech.jts.geom.Geometry;

/** Residents draw, change and withdraw proposals; planners decide on them; anyone reads them. */
public final class ProposalRoutes {
    /** The deepest zoom a web map asks for. */
    private static final int MAX_ZOOM = 22;

    private final ProposalStore store;
    private final ProjectStore projects;
    private final Config config;

    public ProposalRoutes(ProposalStore store, ProjectStore projects, Config config) {
        this.store = store;
        this.projects = projects;
        this.config = config;
    }

    public void list(Context ctx) {
        var query = Query.of(ctx, "project", "bbox", "category", "status", "q", "place", "zoom", "limit", "cursor");
        var filter = filter(query);
        Optional<Integer> zoom = query.optionalInteger("zoom", 0, MAX_ZOOM);
        int limit = query.integer("limit", Paging.DEFAULT_LIMIT, 1, Paging.MAX_LIMIT);
        List<ProposalStore.Row> rows = store.list(Access.viewer(ctx), filter, zoom, Paging.cursor(query), limit);
        boolean more = rows.size() > limit;
        List<ProposalStore.Row> page = more ? rows.subList(0, limit) : rows;
        GeoJson.collection(ctx, page.stream().map(ProposalStore.Row::feature).toList(),
                more ? Paging.nextHref(ctx, page.get(page.size() - 1).id()) : null);
    }

    /** Many proposals at once on a map: counts per grid cell, with the same filters as the list. */
    public void clusters(Context ctx) {
        var query = Query.of(ctx, "project", "bbox", "category", "status", "q", "place", "zoom");
        var filter = filter(query);
        if (filter.bbox().isEmpty()) {
            throw ApiError.invalid("bbox", "is required");
        }
        int zoom = query.optionalInteger("zoom", 0, MAX_ZOOM)
                .orElseThrow(() -> ApiError.invalid("zoom", "is required"));
        GeoJson.collection(ctx, store.clusters(Access.viewer(ctx), filter, zoom), null);
    }

    /** The filters the list and the clusters share; a category no project (or not this one) has is refused. */
    private ProposalStore.Filter filter(Query query) {
        var filter = new ProposalStore.Filter(query.id("project"), query.bbox("bbox"), query.text("category", 60),
                query.choice("status", Status.class), query.text("q", 200),
                query.choice("place", ProposalStore.Place.class));
        filter.category().filter(category -> !store.isCategory(filter.projectId(), category)).ifPresent(category -> {
            throw ApiError.invalid("category", filter.projectId().isPresent()
                    ? "this project has no category '" + category + "'" : "no project has a category '" + category + "'");
        });
        return filter;
    }

    public void get(Context ctx) {
        Query.of(ctx);
        long id = Requests.pathId(ctx, "id", "Proposal");
        GeoJson.feature(ctx, store.feature(Access.viewer(ctx), id).orElseThrow(() -> ApiError.notFound("Proposal " + id)));
    }

    public void create(Context ctx) {
        long projectId = Requests.pathId(ctx, "id", "Project");
        ProjectRules rules = projects.rules(projectId);
        var feature = FeatureBody.read(Requests.jsonBody(ctx, config.maxBodyBytes()), false, config.maxVertices(),
                "title", "description", "category", "locationMethod");
        rules.requireOpen();
        Fields p = feature.properties();
        String title = p.text("title", config.maxTitleLength());
        LocationMethod method = p.optionalChoice("locationMethod", LocationMethod.class).orElse(LocationMethod.MAP);
        String description = p.optionalTextOrEmpty("description", config.maxTextLength()).orElse("");
        Optional<String> category = p.optionalText("category", 60);
        category.ifPresent(c -> rules.requireCategory(p.path("category"), c));
        Optional<Geometry> geometry = feature.geometry();
        if (method == LocationMethod.WHOLE_AREA) {
            if (geometry.isPresent()) {
                throw ApiError.invalid("geometry", "must be null for a proposal about the whole area"
                        + " (locationMethod whole_area)");
            }
        } else {
            GeometryRules.check(geometry.orElseThrow(() -> ApiError.invalid("geometry",
                    "is required; or give locationMethod whole_area for a proposal about no particular place")),
                    "geometry", rules.kinds(), rules.area());
        }
        ctx.status(201);
        GeoJson.feature(ctx, store.create(Access.viewer(ctx), projectId, rules.premoderation(),
                new ProposalStore.Content(title, description, category, geometry, method)));
    }

    public void update(Context ctx) {
        long id = Requests.pathId(ctx, "id", "Proposal");
        Viewer viewer = Access.viewer(ctx);
        var facts = store.visible(viewer, id);
        ProposalStore.requireAuthor(viewer, facts);
        ProjectRules rules = projects.rules(facts.projectId());
        var feature = FeatureBody.read(Requests.jsonBody(ctx, config.maxBodyBytes()), false, config.maxVertices(),
                "title", "description", "category");
        rules.requireOpen();
        Fields p = feature.properties();
        Optional<Optional<String>> category = p.has("category")
                ? Optional.of(p.optionalText("category", 60)) : Optional.empty();
        category.flatMap(c -> c).ifPresent(c -> rules.requireCategory(p.path("category"), c));
        feature.geometry().ifPresent(g -> GeometryRules.check(g, "geometry", rules.kinds(), rules.area()));
        GeoJson.feature(ctx, store.update(viewer, id, p.optionalText("title", config.maxTitleLength()),
                p.optionalTextOrEmpty("description", config.maxTextLength()), category, feature.geometry()));
    }

    public void withdraw(Context ctx) {
        long id = Requests.pathId(ctx, "id", "Proposal");
        store.withdraw(Access.viewer(ctx), id);
        ctx.status(204);
    }

    /** A planner moves a proposal along its lifecycle, with a reason everyone can read. */
    public void decide(Context ctx) {
        long id = Requests.pathId(ctx, "id", "Proposal");
        var body = Fields.of(Requests.jsonBody(ctx, config.maxBodyBytes()), "status", "reason");
        Status to = body.optionalChoice("status", Status.class)
                .orElseThrow(() -> ApiError.invalid("status", "is required"));
        String reason = body.text("reason", config.maxTextLength());
        ctx.status(201);
        GeoJson.feature(ctx, store.decide(Access.viewer(ctx), id, to, reason));
    }

    /** A moderator publishes a proposal held for pre-moderation. */
    public void publish(Context ctx) {
        long id = Requests.pathId(ctx, "id", "Proposal");
        var body = Fields.of(Requests.jsonBody(ctx, config.maxBodyBytes()), "reason");
        String reason = body.text("reason", config.maxTextLength());
        Viewer viewer = Access.viewer(ctx);
        var facts = store.visible(viewer, id);
        if (facts.status() != Status.SUBMITTED) {
            throw ApiError.conflict("status", "only a submitted proposal can be published");
        }
        ctx.status(201);
        GeoJson.feature(ctx, store.decide(viewer, id, Status.PUBLISHED, reason));
    }
}
