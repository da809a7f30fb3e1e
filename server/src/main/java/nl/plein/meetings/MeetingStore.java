package nl.plein.meetings;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.plein.accounts.AccountStore;
import nl.plein.accounts.Viewer;
import nl.plein.db.Sql;
import nl.plein.http.ApiError;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBWriter;

/**
 * Meetings, attendees, questions and answers. Everything an attendee does runs in one transaction
 * that first takes a share lock on the open meeting, and closing takes the row for update: a write
 * either lands before the close (and is in the record) or is refused after it, never half-way.
 */
public final class MeetingStore {
    private static final String SELECT = """
            SELECT id, project_id, presentation_id, code, started_at, closed_at FROM meetings""";

    private final DataSource dataSource;

    public MeetingStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public enum QuestionKind { CHOICE, PIN }

    /** What a joined person does in the meeting, inside its transaction. */
    @FunctionalInterface
    public interface AttendeeWork<T> {
        T run(Connection c, Meeting meeting) throws SQLException;
    }

    public record Joined(Meeting meeting, long accountId, boolean newGuest) {
    }

    public Meeting start(long projectId, Optional<Long> presentationId, long plannerId) {
        return Sql.transaction(dataSource, c -> {
            // No key update: proposals and comments of the project may still be written meanwhile.
            Sql.one(c, "SELECT 1 FROM projects WHERE id = ? FOR NO KEY UPDATE", rs -> 1, projectId)
                    .orElseThrow(() -> ApiError.notFound("Project " + projectId));
            if (presentationId.isPresent()) {
                requirePresentationOf(c, projectId, presentationId.get());
            }
            if (Sql.one(c, "SELECT 1 FROM meetings WHERE project_id = ? AND closed_at IS NULL", rs -> 1,
                    projectId).isPresent()) {
                throw ApiError.conflict("project", "this project has an open meeting already; close it first");
            }
            for (int attempt = 0; attempt < 10; attempt++) {
                var id = Sql.one(c, """
                        INSERT INTO meetings (project_id, presentation_id, code, started_by) VALUES (?, ?, ?, ?)
                        ON CONFLICT (code) DO NOTHING RETURNING id""", rs -> rs.getLong(1),
                        projectId, presentationId, JoinCodes.random(), plannerId);
                if (id.isPresent()) {
                    return get(c, id.get()).orElseThrow();
                }
            }
            throw new IllegalStateException("no free join code after 10 tries");
        });
    }

    /** The presentation shown in the meeting must be one of the project's (part P's table). */
    private static void requirePresentationOf(Connection c, long projectId, long presentationId) throws SQLException {
        var owner = Sql.one(c, "SELECT project_id FROM presentations WHERE id = ?", rs -> rs.getLong(1), presentationId);
        if (owner.isEmpty() || owner.get() != projectId) {
            throw ApiError.invalid("presentationId", "is not a presentation of this project");
        }
    }

    public Optional<Meeting> get(long id) {
        return Sql.read(dataSource, c -> get(c, id));
    }

    static Optional<Meeting> get(Connection c, long id) throws SQLException {
        return Sql.one(c, SELECT + " WHERE id = ?", MeetingStore::map, id);
    }

    public Meeting require(long id) {
        return get(id).orElseThrow(() -> ApiError.notFound("Meeting " + id));
    }

    public List<Meeting> forProject(long projectId) {
        return Sql.read(dataSource, c -> Sql.list(c, SELECT + " WHERE project_id = ? ORDER BY id DESC",
                MeetingStore::map, projectId));
    }

    /**
     * Joins the open meeting with this code: a signed-in viewer as themselves, anyone else as a new
     * guest with the given display name. Joining again changes nothing.
     */
    public Joined join(String code, Viewer viewer, Optional<String> displayName, Optional<Long> homeAreaId) {
        return Sql.transaction(dataSource, c -> {
            Meeting meeting = Sql.one(c, SELECT + " WHERE code = ? FOR SHARE", MeetingStore::map, code)
                    .orElseThrow(() -> ApiError.invalid("code", "no meeting has this code"));
            if (!meeting.open()) {
                throw ApiError.conflict("code", "this meeting has ended");
            }
            boolean guest = viewer.accountId().isEmpty();
            long account = guest
                    ? AccountStore.createGuest(c, displayName.orElseThrow(
                            () -> ApiError.invalid("displayName", "is required")), homeAreaId)
                    : viewer.requireAccount();
            Sql.update(c, "INSERT INTO meeting_attendees (meeting_id, account_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    meeting.id(), account);
            return new Joined(meeting, account, guest);
        });
    }

    public boolean attends(long meetingId, Viewer viewer) {
        return viewer.signedIn() && Sql.read(dataSource, c -> Sql.one(c,
                "SELECT 1 FROM meeting_attendees WHERE meeting_id = ? AND account_id = ?", rs -> 1,
                meetingId, viewer.requireAccount())).isPresent();
    }

    /** Runs an attendee's action while the meeting is open and the viewer has joined it. */
    public <T> T attend(long meetingId, Viewer viewer, AttendeeWork<T> work) {
        long account = viewer.requireAccount();
        return Sql.transaction(dataSource, c -> {
            Meeting meeting = lockOpen(c, meetingId, "FOR SHARE");
            if (Sql.one(c, "SELECT 1 FROM meeting_attendees WHERE meeting_id = ? AND account_id = ?", rs -> 1,
                    meetingId, account).isEmpty()) {
                throw ApiError.forbidden("Join this meeting with its code first (POST /api/meetings/join).");
            }
            return work.run(c, meeting);
        });
    }

    /** The meeting, locked, if it exists (404) and is open (409). */
    static Meeting lockOpen(Connection c, long meetingId, String lock) throws SQLException {
        Meeting meeting = Sql.one(c, SELECT + " WHERE id = ? " + lock, MeetingStore::map, meetingId)
                .orElseThrow(() -> ApiError.notFound("Meeting " + meetingId));
        if (!meeting.open()) {
            throw ApiError.conflict("meeting", "this meeting has been closed");
        }
        return meeting;
    }

    /** A proposal named in a meeting must belong to its project; others do not exist here. */
    static void requireProposalOf(Connection c, Meeting meeting, long proposalId) throws SQLException {
        if (Sql.one(c, "SELECT 1 FROM proposals WHERE id = ? AND project_id = ?", rs -> 1, proposalId,
                meeting.projectId()).isEmpty()) {
            throw ApiError.notFound("Proposal " + proposalId + " in this meeting's project");
        }
    }

    /** Opens a question; one that is open already is closed first (a presenter moves on). */
    public long openQuestion(long meetingId, QuestionKind kind, String prompt, List<String> options) {
        return Sql.transaction(dataSource, c -> {
            lockOpen(c, meetingId, "FOR NO KEY UPDATE");
            Sql.update(c, "UPDATE meeting_questions SET closed_at = now() WHERE meeting_id = ? AND closed_at IS NULL",
                    meetingId);
            return Sql.one(c, """
                    INSERT INTO meeting_questions (meeting_id, kind, prompt, options) VALUES (?, ?, ?, ?)
                    RETURNING id""", rs -> rs.getLong(1), meetingId, kind.name().toLowerCase(), prompt,
                    options.toArray(String[]::new)).orElseThrow();
        });
    }

    public void closeQuestion(long meetingId, long questionId) {
        Sql.transaction(dataSource, c -> {
            lockOpen(c, meetingId, "FOR NO KEY UPDATE");
            var closedAt = Sql.one(c, "SELECT closed_at FROM meeting_questions WHERE id = ? AND meeting_id = ? FOR UPDATE",
                    rs -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)), questionId, meetingId)
                    .orElseThrow(() -> ApiError.notFound("Question " + questionId + " of this meeting"));
            if (closedAt.isPresent()) {
                throw ApiError.conflict("question", "this question is closed already");
            }
            return Sql.update(c, "UPDATE meeting_questions SET closed_at = now() WHERE id = ?", questionId);
        });
    }

    /** An answer to the meeting's open question: a choice index, or a point in the project's area. */
    public void answer(Connection c, Meeting meeting, long questionId, long accountId, Optional<Integer> choice,
                       Optional<Point> point) throws SQLException {
        var question = Sql.one(c, """
                SELECT kind, cardinality(options), closed_at IS NOT NULL FROM meeting_questions
                 WHERE id = ? AND meeting_id = ? FOR SHARE""",
                rs -> new Object[] {rs.getString(1), rs.getInt(2), rs.getBoolean(3)}, questionId, meeting.id())
                .orElseThrow(() -> ApiError.notFound("Question " + questionId + " of this meeting"));
        if ((boolean) question[2]) {
            throw ApiError.conflict("question", "this question is closed");
        }
        boolean isChoice = "choice".equals(question[0]);
        if (isChoice && point.isPresent() || !isChoice && choice.isPresent()) {
            throw ApiError.invalid(isChoice ? "geometry" : "choice", "does not fit this " + question[0] + " question");
        }
        if (isChoice && choice.isEmpty()) {
            throw ApiError.invalid("choice", "is required: this question asks to choose an option");
        }
        if (!isChoice && point.isEmpty()) {
            throw ApiError.invalid("geometry", "is required: this question asks for a pin (a GeoJSON Point)");
        }
        if (isChoice && choice.get() >= (int) question[1]) {
            throw ApiError.invalid("choice", "must be an option's index from 0 to " + ((int) question[1] - 1));
        }
        byte[] wkb = point.map(p -> new WKBWriter().write(p)).orElse(null);
        if (wkb != null && Sql.one(c, "SELECT ST_Covers(area, ST_GeomFromWKB(?, 4326)) FROM projects WHERE id = ?",
                rs -> rs.getBoolean(1), wkb, meeting.projectId()).orElse(false) == Boolean.FALSE) {
            throw ApiError.invalid("geometry", "must lie inside the project's area");
        }
        Sql.update(c, """
                INSERT INTO meeting_answers (question_id, account_id, choice, geom)
                VALUES (?, ?, ?, ST_GeomFromWKB(?, 4326))
                ON CONFLICT (question_id, account_id) DO UPDATE
                   SET choice = excluded.choice, geom = excluded.geom, answered_at = now()""",
                questionId, accountId, choice.map(Integer::shortValue), wkb);
    }

    private static Meeting map(ResultSet rs) throws SQLException {
        Long presentation = rs.getObject(3, Long.class);
        return new Meeting(rs.getLong(1), rs.getLong(2), presentation, rs.getString(4),
                rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class));
    }
}
