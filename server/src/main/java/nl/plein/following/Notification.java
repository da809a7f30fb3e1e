package nl.plein.following;

import java.time.OffsetDateTime;

/**
 * One thing a person is told of, as read from the event's row when shown: what it is about (a
 * proposal, work or project: {@code kind} and {@code targetId}), its title, the new status or step
 * where there is one, and the decision's reason, the step's note or the comment's text.
 */
public record Notification(long id, String event, OffsetDateTime createdAt, long projectId, String projectTitle,
                           boolean unread, String kind, long targetId, String title, String status, String detail) {
}
