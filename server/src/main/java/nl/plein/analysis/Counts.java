package nl.plein.analysis;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Counts of people (or of what people contributed) as one reader may see them: raw for planners,
 * otherwise under the small-count rule (METHODS.md §9): 0, "<5", or rounded.
 */
public record Counts(boolean raw, SmallCounts rule) {
    /** Puts {@code value} in {@code node} as this reader sees it: a number, or the rule's text. */
    public void put(ObjectNode node, String field, long value) {
        if (raw) {
            node.put(field, value);
        } else {
            node.put(field, rule.show(value));
        }
    }

    /** The value as this reader sees it: a Long for planners, the rule's text for everyone else. */
    public Object show(long value) {
        return raw ? (Object) value : rule.show(value);
    }
}
