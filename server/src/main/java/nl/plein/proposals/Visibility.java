package nl.plein.proposals;

import nl.plein.accounts.Viewer;

/**
 * Who may see a proposal, as one SQL condition used by every query that reaches proposals, so that
 * hidden, withdrawn and unpublished ones cannot leak through any endpoint. Staff see everything;
 * authors see their own unless withdrawn; everyone else sees published, unhidden ones.
 */
public final class Visibility {
    /** Takes two parameters: {@link #params(Viewer)}. The proposal's alias must be {@code p}. */
    public static final String PROPOSAL = """
            (?::boolean OR (NOT p.withdrawn AND (p.author_id = ?
                                                 OR (NOT p.hidden AND p.status <> 'submitted'))))""";

    private Visibility() {
    }

    public static Object[] params(Viewer viewer) {
        return new Object[] {viewer.isStaff(), viewer.idOrNone()};
    }
}
