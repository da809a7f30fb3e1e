package nl.plein.variants;

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

/** Variants: someone else's alternative to a proposal, always linked to it. */
public final class VariantStore {
    private static final String FEATURE = Sql.load(VariantStore.class, "variant-feature.sql");
    private static final String COMPARE = Sql.load(VariantStore.class, "compare.sql");
    /** A variant is visible when its proposal is, and it is not hidden or withdrawn (staff see all). */
    private static final String VISIBLE = Visibility.PROPOSAL
            + " AND (?::boolean OR (NOT v.withdrawn AND (v.author_id = ? OR NOT v.hidden)))";

    private final DataSource dataSource;

    public VariantStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static Object[] visibleParams(Viewer viewer) {
        return new Object[] {viewer.isStaff(), viewer.idOrNone(), viewer.isStaff(), viewer.idOrNone()};
    }

    public List<String> listForProposal(Viewer viewer, long proposalId) {
        return Sql.read(dataSource, c -> Sql.list(c, FEATURE + " WHERE v.proposal_id = ? AND " + VISIBLE
                + " ORDER BY v.id", rs -> rs.getString(2), concat(proposalId, visibleParams(viewer))));
    }

    public Optional<String> feature(Viewer viewer, long id) {
        return Sql.read(dataSource, c -> feature(c, viewer, id));
    }

    private static Optional<String> feature(Connection c, Viewer viewer, long id) throws SQLException {
        return Sql.one(c, FEATURE + " WHERE v.id = ? AND " + VISIBLE, rs -> rs.getString(2),
                concat(id, visibleParams(viewer)));
    }

    public Optional<String> comparison(Viewer viewer, long id) {
        return Sql.read(dataSource, c -> Sql.one(c, COMPARE + " WHERE v.id = ? AND " + VISIBLE,
                rs -> rs.getString(1), concat(id, visibleParams(viewer))));
    }

    public record Facts(long id, long proposalId, long projectId, long authorId, boolean withdrawn) {
    }

    public Optional<Facts> facts(Viewer viewer, long id) {
        return Sql.read(dataSource, c -> Sql.one(c, "SELECT v.id, v.proposal_id, p.project_id, v.author_id, "
                        + "v.withdrawn FROM variants v JOIN proposals p ON p.id = v.proposal_id WHERE v.id = ? AND "
                        + VISIBLE, rs -> new Facts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getBoolean(5)), concat(id, visibleParams(viewer))));
    }

    public String create(Viewer author, long proposalId, String title, String description, Geometry geometry) {
        return Sql.transaction(dataSource, c -> {
            long id = Sql.one(c, """
                    INSERT INTO variants (proposal_id, author_id, title, description, geom)
                    VALUES (?, ?, ?, ?, ST_GeomFromWKB(?, 4326)) RETURNING id""", rs -> rs.getLong(1),
                    proposalId, author.requireAccount(), title, description, new WKBWriter().write(geometry))
                    .orElseThrow();
            AreaAssignment.assign(c, Drawing.VARIANTS, id);
            return feature(c, author, id).orElseThrow();
        });
    }

    public String update(Viewer viewer, long id, Optional<String> title, Optional<String> description,
                         Optional<Geometry> geometry) {
        return Sql.transaction(dataSource, c -> {
            int changed = Sql.update(c, """
                    UPDATE variants SET title = coalesce(?, title), description = coalesce(?, description),
                           geom = coalesce(ST_GeomFromWKB(?, 4326), geom), updated_at = now()
                     WHERE id = ? AND author_id = ? AND NOT withdrawn""", title, description,
                    geometry.map(g -> new WKBWriter().write(g)), id, viewer.requireAccount());
            if (changed > 0 && geometry.isPresent()) {
                AreaAssignment.assign(c, Drawing.VARIANTS, id);
            }
            return feature(c, viewer, id).orElseThrow(() -> ApiError.notFound("Variant " + id));
        });
    }

    public void withdraw(Viewer viewer, long id) {
        Sql.transaction(dataSource, c -> Sql.update(c,
                "UPDATE variants SET withdrawn = true, updated_at = now() WHERE id = ? AND author_id = ?",
                id, viewer.requireAccount()));
    }

    static Object[] concat(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
