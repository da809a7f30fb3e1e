package nl.plein.proposals;

import nl.plein.accounts.Viewer;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Who may see a proposal, as one SQL condition used by every query that reaches proposals, so that
 * hidden, withdrawn and unpublished ones cannot leak through any endpoint. Staff see everything;
 * authors see their own unless withdrawn; everyone else sees published, unhidden ones.
 */
public final class Visibility {
    /**
     * The rule with named parameters {@code :staff} and {@code :viewer}; the proposal's alias must be
     * {@code p}. Statements name it {@code <visible>} and get it through {@link #apply}; a statement
     * that is itself a defined fragment (Jdbi does not template a fragment again) has it written in.
     */
    public static final String PROPOSAL_NAMED = """
            (:staff::boolean OR (NOT p.withdrawn AND (p.author_id = :viewer::bigint
                                                      OR (NOT p.hidden AND p.status <> 'submitted'))))""";

    private Visibility() {
    }

    /**
     * Puts the rule where a statement says {@code <visible>} (Jdbi's templating) and binds its
     * parameters for {@code viewer}. The proposal's alias must be {@code p}.
     */
    public static <S extends SqlStatement<S>> S apply(S statement, Viewer viewer) {
        return statement.define("visible", PROPOSAL_NAMED)
                .bind("staff", viewer.isStaff())
                .bind("viewer", viewer.idOrNone());
    }
}
