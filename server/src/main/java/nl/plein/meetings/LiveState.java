package nl.plein.meetings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.plein.analysis.SmallCounts;
import nl.plein.db.Sql;
import nl.plein.http.ApiError;
import nl.plein.http.Json;

/**
 * What a meeting's screens show: the current question with its results, the newest comments and
 * supports made in the meeting, the most supported proposals, and how many people joined. Hidden
 * comments and answers are left out for everyone, so that hiding one removes it from every screen.
 * Counts of people (attendees, answers) are public counts (METHODS.md §9) unless the viewer
 * is staff, who get them raw; supports are counted as the proposal pages count them.
 */
public final class LiveState {
    static final int FEED_LENGTH = 50;
    static final int TOP_PROPOSALS = 10;
    static final int LATEST_ANSWERS_SHOWN = 20;
    private static final String LATEST_ANSWERS = Sql.load(LiveState.class, "latest-answers.sql");

    private final DataSource dataSource;
    private final SmallCounts smallCounts;

    public LiveState(DataSource dataSource, SmallCounts smallCounts) {
        this.dataSource = dataSource;
        this.smallCounts = smallCounts;
    }

    public String json(long meetingId, boolean staff) {
        return Sql.read(dataSource, c -> json(c, meetingId, staff));
    }

    /** The state as JSON, read on the given connection. */
    public String json(Connection c, long meetingId, boolean staff) throws SQLException {
        Meeting meeting = MeetingStore.get(c, meetingId).orElseThrow(() -> ApiError.notFound("Meeting " + meetingId));
        return build(c, meeting, staff).toString();
    }

    ObjectNode build(Connection c, Meeting meeting, boolean staff) throws SQLException {
        ObjectNode state = Json.MAPPER.createObjectNode();
        state.put("counts", staff ? "raw" : "public");
        state.set("meeting", meetingJson(meeting));
        state.set("project", project(c, meeting.projectId()));
        putCount(state, "attendees", count(c, "SELECT count(*) FROM meeting_attendees WHERE meeting_id = ?",
                meeting.id()), staff);
        var current = Sql.one(c, "SELECT id FROM meeting_questions WHERE meeting_id = ? AND closed_at IS NULL",
                rs -> rs.getLong(1), meeting.id());
        state.set("question", current.isPresent() ? question(c, current.get(), staff) : null);
        state.set("comments", comments(c, meeting.id(), FEED_LENGTH));
        state.set("supports", supports(c, meeting.id()));
        state.set("topProposals", topProposals(c, meeting.projectId()));
        return state;
    }

    static ObjectNode meetingJson(Meeting meeting) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", meeting.id());
        json.put("projectId", meeting.projectId());
        json.put("presentationId", meeting.presentationId());
        json.put("code", meeting.code());
        json.put("joinPath", meeting.joinPath());
        json.put("open", meeting.open());
        json.put("startedAt", meeting.startedAt().toString());
        json.put("closedAt", meeting.closedAt() == null ? null : meeting.closedAt().toString());
        return json;
    }

    static ObjectNode project(Connection c, long projectId) throws SQLException {
        return Sql.one(c, "SELECT id, title, summary, stage FROM projects WHERE id = ?", rs -> {
            ObjectNode json = Json.MAPPER.createObjectNode();
            json.put("id", rs.getLong(1));
            json.put("title", rs.getString(2));
            json.put("summary", rs.getString(3));
            json.put("stage", rs.getString(4));
            return json;
        }, projectId).orElseThrow();
    }

    /** A question with its results: per option for a choice, the pins for a pin question. */
    ObjectNode question(Connection c, long questionId, boolean staff) throws SQLException {
        ObjectNode json = Sql.one(c, "SELECT id, kind, prompt, options, opened_at, closed_at FROM meeting_questions "
                + "WHERE id = ?", rs -> {
                    ObjectNode q = Json.MAPPER.createObjectNode();
                    q.put("id", rs.getLong(1));
                    q.put("kind", rs.getString(2));
                    q.put("prompt", rs.getString(3));
                    ArrayNode options = q.putArray("options");
                    for (String option : (String[]) rs.getArray(4).getArray()) {
                        options.add(option);
                    }
                    q.put("openedAt", rs.getObject(5, OffsetDateTime.class).toString());
                    var closed = rs.getObject(6, OffsetDateTime.class);
                    q.put("closedAt", closed == null ? null : closed.toString());
                    return q;
                }, questionId).orElseThrow();
        long answers = count(c, "SELECT count(*) FROM meeting_answers WHERE question_id = ? AND NOT hidden", questionId);
        putCount(json, "answers", answers, staff);
        if (json.get("kind").asText().equals("choice")) {
            json.set("results", choiceResults(c, questionId, json.get("options").size(), answers, staff));
        } else {
            json.set("pins", pins(c, questionId, answers, staff));
        }
        if (staff) {
            json.set("latestAnswers", latestAnswers(c, questionId));
        }
        return json;
    }

    /**
     * For staff only (the raw view), to hide one: the newest visible answers with their ids. A
     * pin carries its number (its place in {@code pins}, counted from 1) and the named place it
     * was put on (within 5 m, as a phone picks one from the list) or else the neighbourhood it
     * lies in; a choice carries the option's index.
     */
    private static ArrayNode latestAnswers(Connection c, long questionId) throws SQLException {
        return Json.MAPPER.createArrayNode().addAll(Sql.list(c, LATEST_ANSWERS, rs -> {
            ObjectNode json = Json.MAPPER.createObjectNode();
            json.put("answerId", rs.getLong(1));
            json.put("answeredAt", rs.getObject(2, OffsetDateTime.class).toString());
            if (rs.getObject(3) != null) {
                json.put("option", rs.getInt(3));
            } else {
                json.put("number", rs.getLong(4));
                json.put("lon", Math.round(rs.getDouble(5) * 1e6) / 1e6);
                json.put("lat", Math.round(rs.getDouble(6) * 1e6) / 1e6);
                json.put("place", rs.getString(7));
            }
            return json;
        }, questionId, LATEST_ANSWERS_SHOWN));
    }

    /** Answers per option; in public, small cells are hidden and a second one where a total gives them away. */
    private ArrayNode choiceResults(Connection c, long questionId, int options, long total, boolean staff)
            throws SQLException {
        var counts = new ArrayList<Long>();
        for (int i = 0; i < options; i++) {
            counts.add(0L);
        }
        for (long[] row : Sql.list(c, "SELECT choice, count(*) FROM meeting_answers WHERE question_id = ? "
                + "AND NOT hidden AND choice IS NOT NULL GROUP BY choice", rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                questionId)) {
            counts.set((int) row[0], row[1]);
        }
        List<SmallCounts.Hidden> hidden = smallCounts.hide(counts, total);
        ArrayNode results = Json.MAPPER.createArrayNode();
        for (int i = 0; i < options; i++) {
            ObjectNode result = results.addObject().put("option", i);
            if (staff) {
                result.put("count", counts.get(i));
            } else {
                result.put("count", smallCounts.show(counts.get(i), hidden.get(i)));
            }
        }
        return results;
    }

    /**
     * The visible pins. In public they are shown only once there are at least as many as the
     * small-count threshold, since a handful of pins would give their number away. Staff see each
     * pin's answer id, to hide one.
     */
    private ArrayNode pins(Connection c, long questionId, long total, boolean staff) throws SQLException {
        ArrayNode pins = Json.MAPPER.createArrayNode();
        if (!staff && total < smallCounts.threshold()) {
            return pins;
        }
        for (ObjectNode pin : Sql.list(c, "SELECT id, ST_X(geom), ST_Y(geom) FROM meeting_answers "
                + "WHERE question_id = ? AND NOT hidden AND geom IS NOT NULL ORDER BY id", rs -> {
                    ObjectNode p = Json.MAPPER.createObjectNode();
                    if (staff) {
                        p.put("answerId", rs.getLong(1));
                    }
                    p.put("lon", Math.round(rs.getDouble(2) * 1e6) / 1e6);
                    p.put("lat", Math.round(rs.getDouble(3) * 1e6) / 1e6);
                    return p;
                }, questionId)) {
            pins.add(pin);
        }
        return pins;
    }

    /** Visible comments made in the meeting, newest first; {@code limit} 0 gives them all. */
    static ArrayNode comments(Connection c, long meetingId, int limit) throws SQLException {
        return Json.MAPPER.createArrayNode().addAll(Sql.list(c, """
                SELECT c.id, c.proposal_id, p.title, a.display_name, c.body, c.created_at
                  FROM comments c JOIN proposals p ON p.id = c.proposal_id JOIN accounts a ON a.id = c.author_id
                 WHERE c.meeting_id = ? AND NOT c.hidden AND NOT c.withdrawn
                       AND NOT p.hidden AND NOT p.withdrawn AND p.status <> 'submitted'
                 ORDER BY c.id DESC LIMIT ?""", rs -> {
                    ObjectNode json = Json.MAPPER.createObjectNode();
                    json.put("id", rs.getLong(1));
                    json.put("proposalId", rs.getLong(2));
                    json.put("proposalTitle", rs.getString(3));
                    json.put("author", rs.getString(4));
                    json.put("body", rs.getString(5));
                    json.put("createdAt", rs.getObject(6, OffsetDateTime.class).toString());
                    return json;
                }, meetingId, limit == 0 ? null : limit));
    }

    /** Supports given in the meeting, newest first, without who gave them. */
    private static ArrayNode supports(Connection c, long meetingId) throws SQLException {
        return Json.MAPPER.createArrayNode().addAll(Sql.list(c, """
                SELECT s.proposal_id, p.title, s.created_at
                  FROM supports s JOIN proposals p ON p.id = s.proposal_id
                 WHERE s.meeting_id = ? AND NOT p.hidden AND NOT p.withdrawn
                 ORDER BY s.created_at DESC, s.proposal_id LIMIT ?""", rs -> {
                    ObjectNode json = Json.MAPPER.createObjectNode();
                    json.put("proposalId", rs.getLong(1));
                    json.put("proposalTitle", rs.getString(2));
                    json.put("createdAt", rs.getObject(3, OffsetDateTime.class).toString());
                    return json;
                }, meetingId, FEED_LENGTH));
    }

    /** The project's most supported visible proposals, with their supports and visible comments. */
    static ArrayNode topProposals(Connection c, long projectId) throws SQLException {
        return Json.MAPPER.createArrayNode().addAll(Sql.list(c, """
                SELECT p.id, p.title, p.status, p.support_count,
                       (SELECT count(*) FROM comments k WHERE k.proposal_id = p.id AND NOT k.hidden AND NOT k.withdrawn)
                  FROM proposals p
                 WHERE p.project_id = ? AND NOT p.hidden AND NOT p.withdrawn AND p.status <> 'submitted'
                 ORDER BY p.support_count DESC, p.id LIMIT ?""", rs -> {
                    ObjectNode json = Json.MAPPER.createObjectNode();
                    json.put("id", rs.getLong(1));
                    json.put("title", rs.getString(2));
                    json.put("status", rs.getString(3));
                    json.put("supportCount", rs.getLong(4));
                    json.put("commentCount", rs.getLong(5));
                    return json;
                }, projectId, TOP_PROPOSALS));
    }

    void putCount(ObjectNode json, String name, long count, boolean staff) {
        if (staff) {
            json.put(name, count);
        } else {
            json.put(name, smallCounts.show(count));
        }
    }

    static long count(Connection c, String sql, Object... params) throws SQLException {
        return Sql.one(c, sql, rs -> rs.getLong(1), params).orElse(0L);
    }
}
