package nl.plein.analysis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.plein.http.Choices;

/** Pieces of JSON every spatial analysis answers with. */
public final class AnalysisJson {
    private AnalysisJson() {
    }

    /** The filters used, null where not filtered on. */
    public static void selection(ObjectNode parameters, ProposalSelection s) {
        parameters.put("category", s.category())
                .put("status", s.status() == null ? null : Choices.wire(s.status()))
                .put("from", s.from() == null ? null : s.from().toString())
                .put("to", s.to() == null ? null : s.to().toString());
    }

    /** A count as planners see it (raw) or as everyone else does (the small-count rule). */
    public static void count(ObjectNode node, String field, long value, boolean raw, SmallCounts smallCounts) {
        if (raw) {
            node.put(field, value);
        } else {
            node.put(field, smallCounts.show(value));
        }
    }
}
