package nl.plein.comments;

import io.javalin.http.Context;
import java.util.Optional;
import nl.plein.accounts.Access;
import nl.plein.accounts.Viewer;
import nl.plein.config.Config;
import nl.plein.geo.FeatureBody;
import nl.plein.geo.GeometryKind;
import nl.plein.geo.GeometryRules;
import nl.plein.http.ApiError;
import nl.plein.http.Fields;
import nl.plein.http.GeoJson;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.projects.ProjectRules;
import nl.plein.projects.ProjectStore;
import nl.plein.proposals.ProposalStore;
import org.locationtech.jts.geom.Geometry;

/** Discussion on a proposal: threaded replies, optionally with a small drawing ("move this path here"). */
public final class CommentRoutes {
    /** A comment's drawing points at part of a proposal: kept small on purpose. */
    static final int MAX_COMMENT_VERTICES = 200;

    private final CommentStore store;
    private final ProposalStore proposals;
    private final ProjectStore projects;
    private final Config config;

    public CommentRoutes(CommentStore store, ProposalStore proposals, ProjectStore projects, Config config) {
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

    public void create(Context ctx) {
        long proposalId = Requests.pathId(ctx, "id", "Proposal");
        Viewer viewer = Access.viewer(ctx);
        var proposal = proposals.visible(viewer, proposalId);
        ProjectRules rules = projects.rules(proposal.projectId());
        var feature = FeatureBody.read(Requests.jsonBody(ctx, config.maxBodyBytes()), false,
                Math.min(MAX_COMMENT_VERTICES, config.maxVertices()), "body", "parentId");
        rules.requireOpen();
        proposal.requireOpenToResponses("comments");
        Fields p = feature.properties();
        String body = p.text("body", config.maxTextLength());
        Optional<Long> parentId = p.optionalId("parentId");
        feature.geometry().ifPresent(g -> checkPointer(g, rules));
        ctx.status(201);
        GeoJson.feature(ctx, store.create(viewer, proposalId, parentId, body, feature.geometry()));
    }

    public void update(Context ctx) {
        long id = Requests.pathId(ctx, "id", "Comment");
        Viewer viewer = Access.viewer(ctx);
        var facts = requireOwn(viewer, id);
        ProjectRules rules = projects.rules(facts.projectId());
        var json = Requests.jsonBody(ctx, config.maxBodyBytes());
        var feature = FeatureBody.read(json, false, Math.min(MAX_COMMENT_VERTICES, config.maxVertices()), "body");
        rules.requireOpen();
        feature.geometry().ifPresent(g -> checkPointer(g, rules));
        // "geometry": null removes the drawing; leaving the member out keeps it.
        Optional<Optional<Geometry>> geometry = json.has("geometry")
                ? Optional.of(feature.geometry()) : Optional.empty();
        GeoJson.feature(ctx, store.update(viewer, id, feature.properties().optionalText("body",
                config.maxTextLength()), geometry));
    }

    public void withdraw(Context ctx) {
        long id = Requests.pathId(ctx, "id", "Comment");
        Viewer viewer = Access.viewer(ctx);
        requireOwn(viewer, id);
        store.withdraw(viewer, id);
        ctx.status(204);
    }

    private static void checkPointer(Geometry geometry, ProjectRules rules) {
        GeometryRules.check(geometry, "geometry", java.util.EnumSet.allOf(GeometryKind.class), rules.area());
    }

    private CommentStore.Facts requireOwn(Viewer viewer, long id) {
        var facts = store.facts(viewer, id).orElseThrow(() -> ApiError.notFound("Comment " + id));
        if (!viewer.is(facts.authorId())) {
            throw ApiError.forbidden("Only the author can change or withdraw this comment.");
        }
        if (facts.withdrawn()) {
            throw ApiError.conflict("withdrawn", "this comment has been withdrawn");
        }
        return facts;
    }
}
