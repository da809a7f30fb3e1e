package nl.plein.meetings;

import java.time.OffsetDateTime;

/** A live meeting on a project: open from its start until a planner closes it. */
public record Meeting(long id, long projectId, Long presentationId, String code, OffsetDateTime startedAt,
                      OffsetDateTime closedAt) {

    public boolean open() {
        return closedAt == null;
    }

    /** Where a phone goes to join: {@code /j/CODE} under the server's public address. */
    public String joinPath() {
        return "/j/" + code;
    }
}
