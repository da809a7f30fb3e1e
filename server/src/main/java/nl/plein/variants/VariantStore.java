package nl.plein.variants;

import java.util.List;
import java.util.Optional;
import nl.plein.accounts.Viewer;
import nl.plein.areas.AreaAssignment.Drawing;
import nl.plein.areas.AreaAssignment;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.proposals.Visibility;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Variants: someone else's alternative to a proposal, always linked to it. A variant is visible
 * when its proposal is, and it is not hidden or withdrawn (staff see all); every read says so.
 */
public final class VariantStore {
    private static final String FEATURE = Jdbis.sql(VariantStore.class, "variant-feature.sql");
    private static final String COMPARE = Jdbis.sql(VariantStore.class, "compare.sql");
    private static final String FACTS = Jdbis.sql(VariantStore.class, "facts.sql");
    private static final String CREATE = Jdbis.sql(VariantStore.class, "create.sql");
    private static final String UPDATE = Jdbis.sql(VariantStore.class, "update.sql");
    private static final String WITHDRAW = Jdbis.sql(VariantStore.class, "withdraw.sql");

    /** Which variants variant-feature.sql reads, put where it says {@code <which>}. */
    private enum Which {
        ONE("v.id = :id"), OF_PROPOSAL("v.proposal_id = :proposal");

        final String condition;

        Which(String condition) {
            this.condition = condition;
        }
    }

    private final Jdbi jdbi;

    public VariantStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static Query features(Handle h, Viewer viewer, Which which) {
        return Visibility.apply(h.createQuery(FEATURE), viewer).define("which", which.condition);
    }

    public List<String> listForProposal(Viewer viewer, long proposalId) {
        return jdbi.withHandle(h -> features(h, viewer, Which.OF_PROPOSAL).bind("proposal", proposalId)
                .map((rs, ctx) -> rs.getString(2)).list());
    }

    public Optional<String> feature(Viewer viewer, long id) {
        return jdbi.withHandle(h -> feature(h, viewer, id));
    }

    private static Optional<String> feature(Handle h, Viewer viewer, long id) {
        return features(h, viewer, Which.ONE).bind("id", id).map((rs, ctx) -> rs.getString(2)).findOne();
    }

    public Optional<String> comparison(Viewer viewer, long id) {
        return jdbi.withHandle(h -> Visibility.apply(h.createQuery(COMPARE), viewer).bind("id", id)
                .mapTo(String.class).findOne());
    }

    public record Facts(long id, long proposalId, long projectId, long authorId, boolean withdrawn) {
    }

    public Optional<Facts> facts(Viewer viewer, long id) {
        return jdbi.withHandle(h -> Visibility.apply(h.createQuery(FACTS), viewer).bind("id", id)
                .map((rs, ctx) -> new Facts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getBoolean(5)))
                .findOne());
    }

    public String create(Viewer author, long proposalId, String title, String description, Geometry geometry) {
        return jdbi.inTransaction(h -> {
            long id = h.createQuery(CREATE)
                    .bind("proposal", proposalId)
                    .bind("author", author.requireAccount())
                    .bind("title", title)
                    .bind("description", description)
                    .bind("geometry", new WKBWriter().write(geometry))
                    .mapTo(Long.class).one();
            AreaAssignment.assign(h, Drawing.VARIANTS, id);
            return feature(h, author, id).orElseThrow();
        });
    }

    public String update(Viewer viewer, long id, Optional<String> title, Optional<String> description,
                         Optional<Geometry> geometry) {
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate(UPDATE)
                    .bind("id", id)
                    .bind("author", viewer.requireAccount())
                    .bind("title", title.orElse(null))
                    .bind("description", description.orElse(null))
                    .bind("geometry", geometry.map(g -> new WKBWriter().write(g)).orElse(null))
                    .execute();
            if (changed > 0 && geometry.isPresent()) {
                AreaAssignment.assign(h, Drawing.VARIANTS, id);
            }
            return feature(h, viewer, id).orElseThrow(() -> ApiError.notFound("Variant " + id));
        });
    }

    public void withdraw(Viewer viewer, long id) {
        jdbi.useTransaction(h -> h.createUpdate(WITHDRAW).bind("id", id).bind("author", viewer.requireAccount())
                .execute());
    }
}
