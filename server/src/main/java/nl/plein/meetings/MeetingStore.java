package nl.plein.meetings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.plein.accounts.AccountStore;
import nl.plein.accounts.Viewer;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBWriter;

/**
 * Meetings, attendees, questions and answers. Everything an attendee does runs in one transaction
 * that first takes a share lock on the open meeting, and closing takes the row for update: a write
 * either lands before the close (and is in the record) or is refused after it, never half-way.
 */
public final class MeetingStore {
    private static final String MEETING = Jdbis.sql(MeetingStore.class, "meeting.sql");
    private static final String INSERT = Jdbis.sql(MeetingStore.class, "meeting-insert.sql");
    private static final String INSERT_QUESTION = Jdbis.sql(MeetingStore.class, "question-insert.sql");
    private static final String ANSWER_QUESTION = Jdbis.sql(MeetingStore.class, "answer-question.sql");
    private static final String UPSERT_ANSWER = Jdbis.sql(MeetingStore.class, "answer-upsert.sql");
    private static final String ATTENDS = Jdbis.sql(MeetingStore.class, "attends.sql");
    static final String CLOSE_OPEN_QUESTIONS = Jdbis.sql(MeetingStore.class, "close-open-questions.sql");
    private static final String PROJECT_LOCK = Jdbis.sql(MeetingStore.class, "project-lock.sql");
    private static final String OPEN_MEETING = Jdbis.sql(MeetingStore.class, "open-meeting.sql");
    private static final String PRESENTATION_PROJECT = Jdbis.sql(MeetingStore.class, "presentation-project.sql");
    private static final String INSERT_ATTENDEE = Jdbis.sql(MeetingStore.class, "attendee-insert.sql");
    private static final String PROPOSAL_IN_PROJECT = Jdbis.sql(MeetingStore.class, "proposal-in-project.sql");
    private static final String QUESTION_CLOSED_AT = Jdbis.sql(MeetingStore.class, "question-closed-at.sql");
    private static final String CLOSE_QUESTION = Jdbis.sql(MeetingStore.class, "question-close.sql");
    private static final String PIN_IN_AREA = Jdbis.sql(MeetingStore.class, "pin-in-area.sql");

    /** Which meetings meeting.sql reads: its {@code <which>}. */
    private enum Which {
        ID("id = :id"), CODE("code = :code"), PROJECT("project_id = :project");

        final String condition;

        Which(String condition) {
            this.condition = condition;
        }
    }

    /** The lock meeting.sql takes on the rows it reads: its {@code <lock>}. */
    enum Lock {
        NONE(""), SHARE("FOR SHARE"), NO_KEY_UPDATE("FOR NO KEY UPDATE"), UPDATE("FOR UPDATE");

        final String clause;

        Lock(String clause) {
            this.clause = clause;
        }
    }

    private final Jdbi jdbi;

    public MeetingStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public enum QuestionKind { CHOICE, PIN }

    /**
     * What a joined person does in the meeting, inside its transaction: other stores' work runs on the
     * same handle, so it commits or rolls back with the meeting's share lock.
     */
    @FunctionalInterface
    public interface AttendeeWork<T> {
        T run(Handle h, Meeting meeting);
    }

    public record Joined(Meeting meeting, long accountId, boolean newGuest) {
    }

    public Meeting start(long projectId, Optional<Long> presentationId, long plannerId) {
        return jdbi.inTransaction(h -> {
            // No key update: proposals and comments of the project may still be written meanwhile.
            h.createQuery(PROJECT_LOCK).bind("project", projectId)
                    .mapTo(Integer.class).findOne()
                    .orElseThrow(() -> ApiError.notFound("Project " + projectId));
            if (presentationId.isPresent()) {
                requirePresentationOf(h, projectId, presentationId.get());
            }
            if (h.createQuery(OPEN_MEETING)
                    .bind("project", projectId).mapTo(Integer.class).findOne().isPresent()) {
                throw ApiError.conflict("project", "this project has an open meeting already; close it first");
            }
            for (int attempt = 0; attempt < 10; attempt++) {
                var id = h.createQuery(INSERT).bind("project", projectId)
                        .bind("presentation", presentationId.orElse(null)).bind("code", JoinCodes.CODE.random())
                        .bind("planner", plannerId).mapTo(Long.class).findOne();
                if (id.isPresent()) {
                    return get(h, id.get()).orElseThrow();
                }
            }
            throw new IllegalStateException("no free join code after 10 tries");
        });
    }

    /** The presentation shown in the meeting must be one of the project's (part P's table). */
    private static void requirePresentationOf(Handle h, long projectId, long presentationId) {
        var owner = h.createQuery(PRESENTATION_PROJECT)
                .bind("presentation", presentationId).mapTo(Long.class).findOne();
        if (owner.isEmpty() || owner.get() != projectId) {
            throw ApiError.invalid("presentationId", "is not a presentation of this project");
        }
    }

    public Optional<Meeting> get(long id) {
        return jdbi.withHandle(h -> get(h, id));
    }

    static Optional<Meeting> get(Handle h, long id) {
        return meetings(h, Which.ID, Lock.NONE).bind("id", id).map(MeetingStore::map).findOne();
    }

    public Meeting require(long id) {
        return get(id).orElseThrow(() -> ApiError.notFound("Meeting " + id));
    }

    public List<Meeting> forProject(long projectId) {
        return jdbi.withHandle(h -> meetings(h, Which.PROJECT, Lock.NONE).bind("project", projectId)
                .map(MeetingStore::map).list());
    }

    private static Query meetings(Handle h, Which which, Lock lock) {
        return h.createQuery(MEETING).define("which", which.condition).define("lock", lock.clause);
    }

    /**
     * Joins the open meeting with this code: a signed-in viewer as themselves, anyone else as a new
     * guest with the given display name. Joining again changes nothing.
     */
    public Joined join(String code, Viewer viewer, Optional<String> displayName, Optional<Long> homeAreaId) {
        return jdbi.inTransaction(h -> {
            Meeting meeting = meetings(h, Which.CODE, Lock.SHARE).bind("code", code).map(MeetingStore::map).findOne()
                    .orElseThrow(() -> ApiError.invalid("code", "no meeting has this code"));
            if (!meeting.open()) {
                throw ApiError.conflict("code", "this meeting has ended");
            }
            boolean guest = viewer.accountId().isEmpty();
            long account = guest
                    ? AccountStore.createGuest(h, displayName.orElseThrow(
                            () -> ApiError.invalid("displayName", "is required")), homeAreaId)
                    : viewer.requireAccount();
            h.createUpdate(INSERT_ATTENDEE).bind("meeting", meeting.id()).bind("account", account).execute();
            return new Joined(meeting, account, guest);
        });
    }

    public boolean attends(long meetingId, Viewer viewer) {
        return viewer.signedIn() && jdbi.withHandle(h -> h.createQuery(ATTENDS).bind("meeting", meetingId)
                .bind("account", viewer.requireAccount()).mapTo(Integer.class).findOne()).isPresent();
    }

    /** Runs an attendee's action while the meeting is open and the viewer has joined it. */
    public <T> T attend(long meetingId, Viewer viewer, AttendeeWork<T> work) {
        long account = viewer.requireAccount();
        return jdbi.inTransaction(h -> {
            Meeting meeting = lockOpen(h, meetingId, Lock.SHARE);
            if (h.createQuery(ATTENDS).bind("meeting", meetingId).bind("account", account)
                    .mapTo(Integer.class).findOne().isEmpty()) {
                throw ApiError.forbidden("Join this meeting with its code first (POST /api/meetings/join).");
            }
            return work.run(h, meeting);
        });
    }

    /** The meeting, locked, if it exists (404) and is open (409). */
    static Meeting lockOpen(Handle h, long meetingId, Lock lock) {
        Meeting meeting = meetings(h, Which.ID, lock).bind("id", meetingId).map(MeetingStore::map).findOne()
                .orElseThrow(() -> ApiError.notFound("Meeting " + meetingId));
        if (!meeting.open()) {
            throw ApiError.conflict("meeting", "this meeting has been closed");
        }
        return meeting;
    }

    /** A proposal named in a meeting must belong to its project; others do not exist here. */
    static void requireProposalOf(Handle h, Meeting meeting, long proposalId) {
        if (h.createQuery(PROPOSAL_IN_PROJECT)
                .bind("proposal", proposalId).bind("project", meeting.projectId())
                .mapTo(Integer.class).findOne().isEmpty()) {
            throw ApiError.notFound("Proposal " + proposalId + " in this meeting's project");
        }
    }

    /** Opens a question; one that is open already is closed first (a presenter moves on). */
    public long openQuestion(long meetingId, QuestionKind kind, String prompt, List<String> options) {
        return jdbi.inTransaction(h -> {
            lockOpen(h, meetingId, Lock.NO_KEY_UPDATE);
            h.createUpdate(CLOSE_OPEN_QUESTIONS).bind("meeting", meetingId).execute();
            return h.createQuery(INSERT_QUESTION).bind("meeting", meetingId)
                    .bind("kind", kind.name().toLowerCase(Locale.ROOT)).bind("prompt", prompt)
                    .bind("options", options.toArray(String[]::new)).mapTo(Long.class).one();
        });
    }

    public void closeQuestion(long meetingId, long questionId) {
        jdbi.useTransaction(h -> {
            lockOpen(h, meetingId, Lock.NO_KEY_UPDATE);
            var closedAt = h.createQuery(QUESTION_CLOSED_AT)
                    .bind("question", questionId).bind("meeting", meetingId)
                    .map((rs, ctx) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))).findOne()
                    .orElseThrow(() -> ApiError.notFound("Question " + questionId + " of this meeting"));
            if (closedAt.isPresent()) {
                throw ApiError.conflict("question", "this question is closed already");
            }
            h.createUpdate(CLOSE_QUESTION)
                    .bind("question", questionId).execute();
        });
    }

    private record Question(String kind, int options, boolean closed) {
    }

    /** An answer to the meeting's open question: a choice index, or a point in the project's area. */
    public void answer(Handle h, Meeting meeting, long questionId, long accountId, Optional<Integer> choice,
                       Optional<Point> point) {
        var question = h.createQuery(ANSWER_QUESTION).bind("question", questionId).bind("meeting", meeting.id())
                .map((rs, ctx) -> new Question(rs.getString("kind"), rs.getInt("options"), rs.getBoolean("closed")))
                .findOne()
                .orElseThrow(() -> ApiError.notFound("Question " + questionId + " of this meeting"));
        if (question.closed()) {
            throw ApiError.conflict("question", "this question is closed");
        }
        boolean isChoice = "choice".equals(question.kind());
        if (isChoice && point.isPresent() || !isChoice && choice.isPresent()) {
            throw ApiError.invalid(isChoice ? "geometry" : "choice", "does not fit this " + question.kind() + " question");
        }
        if (isChoice && choice.isEmpty()) {
            throw ApiError.invalid("choice", "is required: this question asks to choose an option");
        }
        if (!isChoice && point.isEmpty()) {
            throw ApiError.invalid("geometry", "is required: this question asks for a pin (a GeoJSON Point)");
        }
        if (isChoice && choice.get() >= question.options()) {
            throw ApiError.invalid("choice", "must be an option's index from 0 to " + (question.options() - 1));
        }
        byte[] wkb = point.map(p -> new WKBWriter().write(p)).orElse(null);
        if (wkb != null && !h.createQuery(PIN_IN_AREA)
                .bind("wkb", wkb).bind("project", meeting.projectId()).mapTo(Boolean.class).findOne().orElse(false)) {
            throw ApiError.invalid("geometry", "must lie inside the project's area");
        }
        h.createUpdate(UPSERT_ANSWER).bind("question", questionId).bind("account", accountId)
                .bind("choice", choice.map(Integer::shortValue).orElse(null)).bind("wkb", wkb).execute();
    }

    private static Meeting map(ResultSet rs, StatementContext ctx) throws SQLException {
        Long presentation = rs.getObject(3, Long.class);
        return new Meeting(rs.getLong(1), rs.getLong(2), presentation, rs.getString(4),
                rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class));
    }
}
