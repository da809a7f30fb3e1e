package nl.plein.photos;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import nl.plein.accounts.Access;
import nl.plein.accounts.Viewer;
import nl.plein.comments.CommentStore;
import nl.plein.config.Config;
import nl.plein.http.ApiError;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.projects.ProjectStore;
import nl.plein.proposals.ProposalStore;

/**
 * Photos: uploaded by a proposal's or comment's author, or by planners to a progress update; served
 * as files outside /api, public ones cached for good (a photo's files never change: a new photo gets
 * a new id); deleted by who uploaded them. Hiding and restoring are moderation's.
 */
public final class PhotoRoutes {
    /** The longest alt text, in characters: a sentence or two, as screen readers read it. */
    public static final int MAX_ALT = 500;
    private static final String PUBLIC_CACHE = "public, max-age=31536000, immutable";
    /** Seen by this viewer only (staff, or the author of what is not public yet): checked each time. */
    private static final String PRIVATE_CACHE = "private, no-cache";

    private final PhotoStore store;
    private final PhotoEncoder encoder;
    private final ProposalStore proposals;
    private final CommentStore comments;
    private final ProjectStore projects;
    private final Config config;

    public PhotoRoutes(PhotoStore store, PhotoEncoder encoder, ProposalStore proposals, CommentStore comments,
                       ProjectStore projects, Config config) {
        this.store = store;
        this.encoder = encoder;
        this.proposals = proposals;
        this.comments = comments;
        this.projects = projects;
        this.config = config;
    }

    /** Adds a photo to a proposal, comment or progress update (who may is checked before the file is read). */
    public Handler upload(PhotoTarget target) {
        return ctx -> {
            Query.of(ctx);
            long id = Requests.pathId(ctx, "id", target.label);
            Viewer viewer = Access.viewer(ctx);
            requireMayAdd(target, id, viewer);
            var form = PhotoForm.read(ctx, config.photoMaxBytes(), MAX_ALT);
            var files = encoder.encode(form.file());
            ctx.status(201).contentType("application/json")
                    .result(store.add(target, id, viewer, form.alt(), files, config.photosPerItem()));
        };
    }

    private void requireMayAdd(PhotoTarget target, long id, Viewer viewer) {
        switch (target) {
            case PROPOSAL -> {
                var facts = proposals.visible(viewer, id);
                if (!viewer.is(facts.authorId())) {
                    throw ApiError.forbidden("Only the proposal's author can add photos to it.");
                }
                if (facts.withdrawn()) {
                    throw ApiError.conflict("withdrawn", "this proposal has been withdrawn");
                }
                projects.rules(facts.projectId()).requireOpen();
            }
            case COMMENT -> {
                var facts = comments.facts(viewer, id).orElseThrow(() -> ApiError.notFound("Comment " + id));
                if (!viewer.is(facts.authorId())) {
                    throw ApiError.forbidden("Only the comment's author can add photos to it.");
                }
                if (facts.withdrawn()) {
                    throw ApiError.conflict("withdrawn", "this comment has been withdrawn");
                }
                projects.rules(facts.projectId()).requireOpen();
            }
            // Planners only (the route's role); that the update exists is checked as the photo is written.
            case WORK_STEP -> {
            }
        }
    }

    public void delete(Context ctx) {
        Query.of(ctx);
        long id = Requests.pathId(ctx, "id", "Photo");
        Viewer viewer = Access.viewer(ctx);
        long author = store.author(id).orElseThrow(() -> ApiError.notFound("Photo " + id));
        if (!viewer.is(author)) {
            throw ApiError.forbidden("Only who uploaded a photo can delete it.");
        }
        store.delete(id, viewer);
        ctx.status(204);
    }

    /** {@code /photos/{id}/display.jpg} or {@code thumb.jpg}: a 404 for what the viewer may not see. */
    public void file(Context ctx) {
        Query.of(ctx);
        long id = Requests.pathId(ctx, "id", "Photo");
        PhotoStore.Size size = switch (ctx.pathParam("file")) {
            case "display.jpg" -> PhotoStore.Size.DISPLAY;
            case "thumb.jpg" -> PhotoStore.Size.THUMB;
            default -> throw ApiError.notFound("Photo file " + ctx.pathParam("file"));
        };
        var file = store.file(Access.viewer(ctx), id, size).orElseThrow(() -> ApiError.notFound("Photo " + id));
        String etag = "\"" + file.digest() + (size == PhotoStore.Size.THUMB ? "-t" : "-d") + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", file.isPublic() ? PUBLIC_CACHE : PRIVATE_CACHE);
        String seen = ctx.header("If-None-Match");
        if (seen != null && (seen.contains(etag) || seen.strip().equals("*"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("image/jpeg").result(file.bytes());
    }
}
