package nl.plein.proposals;

import java.util.Set;

/**
 * A proposal's lifecycle: submitted → published → under consideration → accepted or rejected →
 * realised. Every step is a decision with a public reason.
 */
public enum Status {
    SUBMITTED, PUBLISHED, UNDER_CONSIDERATION, ACCEPTED, REJECTED, REALISED;

    /** The statuses a decision may move this one to. */
    public Set<Status> next() {
        return switch (this) {
            case SUBMITTED -> Set.of(PUBLISHED, REJECTED);
            case PUBLISHED -> Set.of(UNDER_CONSIDERATION, REJECTED);
            case UNDER_CONSIDERATION -> Set.of(ACCEPTED, REJECTED);
            case ACCEPTED -> Set.of(REALISED, REJECTED);
            case REJECTED, REALISED -> Set.of();
        };
    }

    /** Authors may still change their proposal while nobody has started weighing it. */
    public boolean editableByAuthor() {
        return this == SUBMITTED || this == PUBLISHED;
    }
}
