package nl.plein.variants;

import io.javalin.http.Context;
import nl.plein.accounts.Access;
import nl.plein.accounts.Viewer;
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
import nl.plein.proposals.ProposalStore;

/** Co-design: an alternative drawing and text offered on someone else's proposal. */
public final class VariantRoutes {
    private final VariantStore store;
    private final ProposalStore proposals;
    private final ProjectStore projects;
    private final Config config;

    public VariantRoutes(VariantStore store, ProposalStore proposals, ProjectStore projects, Config config) {
        this.store = store;
        this.proposals = proposals;
        this.projects = projects;
        this.config = config;
    }

    public void list(Context ctx) {
        Query.of(ctx);
        long proposalId = Requests.pathId(ctx, "id", "Proposal");
        Viewer viewer = Access.viewer(ctx);
        proposals.visible(viewer, proposalId);
        GeoJson.collection(ctx, store.listForProposal(viewer, proposalId), null);
    }

    public void get(Context ctx) {
        Query.of(ctx);
        long id = Requests.pathId(ctx, "id", "Variant");
        GeoJson.feature(ctx, store.feature(Access.viewer(ctx), id).orElseThrow(() -> ApiError.notFound("Variant " + id)));
    }

    public void compare(Context ctx) {
        Query.of(ctx);
        long id = Requests.pathId(ctx, "id", "Variant");
        GeoJson.feature(ctx, store.comparison(Access.viewer(ctx), id)
                .orElseThrow(() -> ApiError.notFound("Variant " + id)));
    }

    public void create(Context ctx) {
        long proposalId = Requests.pathId(ctx, "id", "Proposal");
        Viewer viewer = Access.viewer(ctx);
        var proposal = proposals.visible(viewer, proposalId);
        ProjectRules rules = projects.rules(proposal.projectId());
        var feature = FeatureBody.read(Requests.jsonBody(ctx, config.maxBodyBytes()), true, config.maxVertices(),
                "title", "description");
        rules.requireOpen();
        if (viewer.is(proposal.authorId())) {
            throw ApiError.conflict("proposal", "a variant is offered on someone else's proposal; "
                    + "change your own proposal instead");
        }
        proposal.requireOpenToResponses("variants");
        Fields p = feature.properties();
        String title = p.text("title", config.maxTitleLength());
        String description = p.optionalTextOrEmpty("description", config.maxTextLength()).orElse("");
        var geometry = feature.geometry().orElseThrow();
        GeometryRules.check(geometry, "geometry", rules.kinds(), rules.area());
        ctx.status(201);
        GeoJson.feature(ctx, store.create(viewer, proposalId, title, description, geometry));
    }

    public void update(Context ctx) {
        long id = Requests.pathId(ctx, "id", "Variant");
        Viewer viewer = Access.viewer(ctx);
        var facts = requireOwn(viewer, id);
        ProjectRules rules = projects.rules(facts.projectId());
        var feature = FeatureBody.read(Requests.jsonBody(ctx, config.maxBodyBytes()), false, config.maxVertices(),
                "title", "description");
        rules.requireOpen();
        Fields p = feature.properties();
        feature.geometry().ifPresent(g -> GeometryRules.check(g, "geometry", rules.kinds(), rules.area()));
        GeoJson.feature(ctx, store.update(viewer, id, p.optionalText("title", config.maxTitleLength()),
                p.optionalTextOrEmpty("description", config.maxTextLength()), feature.geometry()));
    }

    public void withdraw(Context ctx) {
        long id = Requests.pathId(ctx, "id", "Variant");
        Viewer viewer = Access.viewer(ctx);
        requireOwn(viewer, id);
        store.withdraw(viewer, id);
        ctx.status(204);
    }

    private VariantStore.Facts requireOwn(Viewer viewer, long id) {
        var facts = store.facts(viewer, id).orElseThrow(() -> ApiError.notFound("Variant " + id));
        if (!viewer.is(facts.authorId())) {
            throw ApiError.forbidden("Only the author can change or withdraw this variant.");
        }
        if (facts.withdrawn()) {
            throw ApiError.conflict("withdrawn", "this variant has been withdrawn");
        }
        return facts;
    }
}
