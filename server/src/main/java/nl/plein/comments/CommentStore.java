package nl.plein.comments;

import java.util.List;
import java.util.Optional;
import nl.plein.accounts.Viewer;
import nl.plein.areas.AreaAssignment.Drawing;
import nl.plein.areas.AreaAssignment;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.photos.PhotoTarget;
import nl.plein.proposals.Visibility;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/** Threaded comments on proposals, each optionally pointing at part of the drawing. */
public final class CommentStore {
    private static final String FEATURE = Jdbis.sql(CommentStore.class, "comment-feature.sql");
    private static final String FACTS = Jdbis.sql(CommentStore.class, "facts.sql");
    private static final String PARENT = Jdbis.sql(CommentStore.class, "parent.sql");
    private static final String CREATE = Jdbis.sql(CommentStore.class, "create.sql");
    private static final String UPDATE = Jdbis.sql(CommentStore.class, "update.sql");
    private static final String WITHDRAW = Jdbis.sql(CommentStore.class, "withdraw.sql");

    /** Which comments comment-feature.sql reads, put where it says {@code <which>}. */
    private enum Which {
        ONE("c.id = :id"), OF_PROPOSAL("c.proposal_id = :proposal");

        final String condition;

        Which(String condition) {
            this.condition = condition;
        }
    }

    private final Jdbi jdbi;

    public CommentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static Query features(Handle h, Viewer viewer, Which which) {
        return Visibility.apply(h.createQuery(FEATURE), viewer).define("which", which.condition)
                .define("photos", PhotoTarget.COMMENT.photos("c.id"));
    }

    public List<String> listForProposal(Viewer viewer, long proposalId) {
        return jdbi.withHandle(h -> features(h, viewer, Which.OF_PROPOSAL).bind("proposal", proposalId)
                .map((rs, ctx) -> rs.getString(2)).list());
    }

    private static Optional<String> feature(Handle h, Viewer viewer, long id) {
        return features(h, viewer, Which.ONE).bind("id", id).map((rs, ctx) -> rs.getString(2)).findOne();
    }

    public Optional<String> feature(Viewer viewer, long id) {
        return jdbi.withHandle(h -> feature(h, viewer, id));
    }

    public record Facts(long id, long proposalId, long projectId, long authorId, boolean hidden, boolean withdrawn) {
    }

    public Optional<Facts> facts(Viewer viewer, long id) {
        return jdbi.withHandle(h -> Visibility.apply(h.createQuery(FACTS), viewer).bind("id", id)
                .map((rs, ctx) -> new Facts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getBoolean(5), rs.getBoolean(6)))
                .findOne());
    }

    public String create(Viewer author, long proposalId, Optional<Long> parentId, String body,
                         Optional<Geometry> geometry) {
        return jdbi.inTransaction(h -> create(h, author, proposalId, parentId, body, geometry, Optional.empty()));
    }

    private record Parent(long proposalId, boolean removed) {
    }

    /** Writes a comment inside the caller's transaction; one made in a live meeting names it. */
    public static String create(Handle h, Viewer author, long proposalId, Optional<Long> parentId, String body,
                                Optional<Geometry> geometry, Optional<Long> meetingId) {
        if (parentId.isPresent()) {
            var parent = h.createQuery(PARENT).bind("parent", parentId.get())
                    .map((rs, ctx) -> new Parent(rs.getLong(1), rs.getBoolean(2))).findOne();
            if (parent.isEmpty() || parent.get().proposalId() != proposalId) {
                throw ApiError.invalid("properties.parentId", "is not a comment on this proposal");
            }
            if (parent.get().removed()) {
                throw ApiError.invalid("properties.parentId", "that comment was removed; reply to another");
            }
        }
        long id = h.createQuery(CREATE)
                .bind("proposal", proposalId)
                .bind("parent", parentId.orElse(null))
                .bind("author", author.requireAccount())
                .bind("body", body)
                .bind("geometry", geometry.map(g -> new WKBWriter().write(g)).orElse(null))
                .bind("meeting", meetingId.orElse(null))
                .mapTo(Long.class).one();
        if (geometry.isPresent()) {
            AreaAssignment.assign(h, Drawing.COMMENTS, id);
        }
        return feature(h, author, id).orElseThrow();
    }

    /** The author's edit; {@code geometry} empty keeps it, a present empty inner value removes it. */
    public String update(Viewer viewer, long id, Optional<String> body, Optional<Optional<Geometry>> geometry) {
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate(UPDATE)
                    .bind("id", id)
                    .bind("author", viewer.requireAccount())
                    .bind("body", body.orElse(null))
                    .bind("changeGeometry", geometry.isPresent())
                    .bind("geometry", geometry.flatMap(g -> g).map(g -> new WKBWriter().write(g)).orElse(null))
                    .execute();
            if (changed > 0 && geometry.isPresent()) {
                // A removed geometry leaves the comment unpinned: the rule then gives NULL.
                AreaAssignment.assign(h, Drawing.COMMENTS, id);
            }
            return feature(h, viewer, id).orElseThrow(() -> ApiError.notFound("Comment " + id));
        });
    }

    public void withdraw(Viewer viewer, long id) {
        jdbi.useTransaction(h -> h.createUpdate(WITHDRAW).bind("id", id).bind("author", viewer.requireAccount())
                .execute());
    }
}
