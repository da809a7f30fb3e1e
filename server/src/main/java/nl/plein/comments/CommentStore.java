package nl.plein.comments;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.plein.accounts.Viewer;
import nl.plein.areas.AreaAssignment;
import nl.plein.areas.AreaAssignment.Drawing;
import nl.plein.db.Sql;
import nl.plein.http.ApiError;
import nl.plein.proposals.Visibility;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/** Threaded comments on proposals, each optionally pointing at part of the drawing. */
public final class CommentStore {
    private static final String FEATURE = Sql.load(CommentStore.class, "comment-feature.sql");

    private final DataSource dataSource;

    public CommentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static Object[] params(Viewer viewer, Object key) {
        return new Object[] {viewer.isStaff(), viewer.idOrNone(), key, viewer.isStaff(), viewer.idOrNone()};
    }

    public List<String> listForProposal(Viewer viewer, long proposalId) {
        return Sql.read(dataSource, c -> Sql.list(c, FEATURE + " WHERE c.proposal_id = ? AND "
                + Visibility.PROPOSAL + " ORDER BY c.id", rs -> rs.getString(2), params(viewer, proposalId)));
    }

    private static Optional<String> feature(Connection c, Viewer viewer, long id) throws SQLException {
        return Sql.one(c, FEATURE + " WHERE c.id = ? AND " + Visibility.PROPOSAL, rs -> rs.getString(2),
                params(viewer, id));
    }

    public Optional<String> feature(Viewer viewer, long id) {
        return Sql.read(dataSource, c -> feature(c, viewer, id));
    }

    public record Facts(long id, long proposalId, long projectId, long authorId, boolean hidden, boolean withdrawn) {
    }

    public Optional<Facts> facts(Viewer viewer, long id) {
        return Sql.read(dataSource, c -> Sql.one(c, "SELECT c.id, c.proposal_id, p.project_id, c.author_id, c.hidden, "
                        + "c.withdrawn FROM comments c JOIN proposals p ON p.id = c.proposal_id WHERE c.id = ? AND "
                        + Visibility.PROPOSAL, rs -> new Facts(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getBoolean(5), rs.getBoolean(6)),
                id, viewer.isStaff(), viewer.idOrNone()));
    }

    public String create(Viewer author, long proposalId, Optional<Long> parentId, String body,
                         Optional<Geometry> geometry) {
        return Sql.transaction(dataSource, c -> create(c, author, proposalId, parentId, body, geometry,
                Optional.empty()));
    }

    /** Writes a comment inside the caller's transaction; one made in a live meeting names it. */
    public static String create(Connection c, Viewer author, long proposalId, Optional<Long> parentId, String body,
                                Optional<Geometry> geometry, Optional<Long> meetingId) throws SQLException {
        if (parentId.isPresent()) {
            var parent = Sql.one(c, "SELECT proposal_id, hidden OR withdrawn FROM comments WHERE id = ?",
                    rs -> new Object[] {rs.getLong(1), rs.getBoolean(2)}, parentId.get());
            if (parent.isEmpty() || (long) parent.get()[0] != proposalId) {
                throw ApiError.invalid("properties.parentId", "is not a comment on this proposal");
            }
            if ((boolean) parent.get()[1]) {
                throw ApiError.invalid("properties.parentId", "that comment was removed; reply to another");
            }
        }
        long id = Sql.one(c, """
                INSERT INTO comments (proposal_id, parent_id, author_id, body, geom, meeting_id)
                VALUES (?, ?, ?, ?, ST_GeomFromWKB(?, 4326), ?) RETURNING id""", rs -> rs.getLong(1),
                proposalId, parentId, author.requireAccount(), body,
                geometry.map(g -> new WKBWriter().write(g)), meetingId).orElseThrow();
        if (geometry.isPresent()) {
            AreaAssignment.assign(c, Drawing.COMMENTS, id);
        }
        return feature(c, author, id).orElseThrow();
    }

    /** The author's edit; {@code geometry} empty keeps it, a present empty inner value removes it. */
    public String update(Viewer viewer, long id, Optional<String> body, Optional<Optional<Geometry>> geometry) {
        return Sql.transaction(dataSource, c -> {
            int changed = Sql.update(c, """
                    UPDATE comments SET body = coalesce(?, body),
                           geom = CASE WHEN ? THEN ST_GeomFromWKB(?, 4326) ELSE geom END, updated_at = now()
                     WHERE id = ? AND author_id = ? AND NOT withdrawn""", body, geometry.isPresent(),
                    geometry.flatMap(g -> g).map(g -> new WKBWriter().write(g)), id, viewer.requireAccount());
            if (changed > 0 && geometry.isPresent()) {
                // A removed geometry leaves the comment unpinned: the rule then gives NULL.
                AreaAssignment.assign(c, Drawing.COMMENTS, id);
            }
            return feature(c, viewer, id).orElseThrow(() -> ApiError.notFound("Comment " + id));
        });
    }

    public void withdraw(Viewer viewer, long id) {
        Sql.transaction(dataSource, c -> Sql.update(c,
                "UPDATE comments SET withdrawn = true, updated_at = now() WHERE id = ? AND author_id = ?",
                id, viewer.requireAccount()));
    }
}
