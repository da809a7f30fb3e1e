package nl.plein.meetings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.plein.analysis.SmallCounts;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.http.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

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
    private static final String LATEST_ANSWERS = Jdbis.sql(LiveState.class, "latest-answers.sql");
    private static final String QUESTION = Jdbis.sql(LiveState.class, "question.sql");
    private static final String CHOICE_RESULTS = Jdbis.sql(LiveState.class, "choice-results.sql");
    private static final String PINS = Jdbis.sql(LiveState.class, "pins.sql");
    private static final String COMMENTS = Jdbis.sql(LiveState.class, "meeting-comments.sql");
    private static final String SUPPORTS = Jdbis.sql(LiveState.class, "meeting-supports.sql");
    private static final String TOP_PROPOSALS_SQL = Jdbis.sql(LiveState.class, "top-proposals.sql");
    static final String ATTENDEES = Jdbis.sql(LiveState.class, "attendees-count.sql");
    private static final String CURRENT_QUESTION = Jdbis.sql(LiveState.class, "current-question.sql");
    private static final String PROJECT = Jdbis.sql(LiveState.class, "project.sql");
    private static final String ANSWERS = Jdbis.sql(LiveState.class, "answers-count.sql");

    private final Jdbi jdbi;
    private final SmallCounts smallCounts;

    public LiveState(Jdbi jdbi, SmallCounts smallCounts) {
        this.jdbi = jdbi;
        this.smallCounts = smallCounts;
    }

    public String json(long meetingId, boolean staff) {
        return jdbi.withHandle(h -> json(h, meetingId, staff));
    }

    /** The state as JSON, read on the given handle. */
    public String json(Handle h, long meetingId, boolean staff) {
        Meeting meeting = MeetingStore.get(h, meetingId).orElseThrow(() -> ApiError.notFound("Meeting " + meetingId));
        return build(h, meeting, staff).toString();
    }

    ObjectNode build(Handle h, Meeting meeting, boolean staff) {
        ObjectNode state = Json.MAPPER.createObjectNode();
        state.put("counts", staff ? "raw" : "public");
        state.set("meeting", meetingJson(meeting));
        state.set("project", project(h, meeting.projectId()));
        putCount(state, "attendees", count(h, ATTENDEES, "meeting", meeting.id()), staff);
        var current = h.createQuery(CURRENT_QUESTION)
                .bind("meeting", meeting.id()).mapTo(Long.class).findOne();
        state.set("question", current.isPresent() ? question(h, current.get(), staff) : null);
        state.set("comments", comments(h, meeting.id(), FEED_LENGTH));
        state.set("supports", supports(h, meeting.id()));
        state.set("topProposals", topProposals(h, meeting.projectId()));
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

    static ObjectNode project(Handle h, long projectId) {
        return h.createQuery(PROJECT)
                .bind("project", projectId).map((rs, ctx) -> {
            ObjectNode json = Json.MAPPER.createObjectNode();
            json.put("id", rs.getLong(1));
            json.put("title", rs.getString(2));
            json.put("summary", rs.getString(3));
            json.put("stage", rs.getString(4));
            return json;
        }).one();
    }

    /** A question with its results: per option for a choice, the pins for a pin question. */
    ObjectNode question(Handle h, long questionId, boolean staff) {
        ObjectNode json = h.createQuery(QUESTION).bind("question", questionId).map((rs, ctx) -> {
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
                }).one();
        long answers = count(h, ANSWERS, "question", questionId);
        putCount(json, "answers", answers, staff);
        if (json.get("kind").asText().equals("choice")) {
            json.set("results", choiceResults(h, questionId, json.get("options").size(), answers, staff));
        } else {
            json.set("pins", pins(h, questionId, answers, staff));
        }
        if (staff) {
            json.set("latestAnswers", latestAnswers(h, questionId));
        }
        return json;
    }

    /**
     * For staff only (the raw view), to hide one: the newest visible answers with their ids. A
     * pin carries its number (its place in {@code pins}, counted from 1) and the named place it
     * was put on (within 5 m, as a phone picks one from the list) or else the neighbourhood it
     * lies in; a choice carries the option's index.
     */
    private static ArrayNode latestAnswers(Handle h, long questionId) {
        return Json.MAPPER.createArrayNode().addAll(h.createQuery(LATEST_ANSWERS).bind("question", questionId)
                .bind("limit", LATEST_ANSWERS_SHOWN).map((rs, ctx) -> {
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
        }).list());
    }

    /** Answers per option; in public, small cells are hidden and a second one where a total gives them away. */
    private ArrayNode choiceResults(Handle h, long questionId, int options, long total, boolean staff) {
        var counts = new ArrayList<Long>();
        for (int i = 0; i < options; i++) {
            counts.add(0L);
        }
        for (long[] row : h.createQuery(CHOICE_RESULTS).bind("question", questionId)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list()) {
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
    private ArrayNode pins(Handle h, long questionId, long total, boolean staff) {
        ArrayNode pins = Json.MAPPER.createArrayNode();
        if (!staff && total < smallCounts.threshold()) {
            return pins;
        }
        for (ObjectNode pin : h.createQuery(PINS).bind("question", questionId).map((rs, ctx) -> {
                    ObjectNode p = Json.MAPPER.createObjectNode();
                    if (staff) {
                        p.put("answerId", rs.getLong(1));
                    }
                    p.put("lon", Math.round(rs.getDouble(2) * 1e6) / 1e6);
                    p.put("lat", Math.round(rs.getDouble(3) * 1e6) / 1e6);
                    return p;
                }).list()) {
            pins.add(pin);
        }
        return pins;
    }

    /** Visible comments made in the meeting, newest first; {@code limit} 0 gives them all. */
    static ArrayNode comments(Handle h, long meetingId, int limit) {
        return Json.MAPPER.createArrayNode().addAll(h.createQuery(COMMENTS).bind("meeting", meetingId)
                .bind("limit", limit == 0 ? null : limit).map((rs, ctx) -> {
                    ObjectNode json = Json.MAPPER.createObjectNode();
                    json.put("id", rs.getLong(1));
                    json.put("proposalId", rs.getLong(2));
                    json.put("proposalTitle", rs.getString(3));
                    json.put("author", rs.getString(4));
                    json.put("body", rs.getString(5));
                    json.put("createdAt", rs.getObject(6, OffsetDateTime.class).toString());
                    return json;
                }).list());
    }

    /** Supports given in the meeting, newest first, without who gave them. */
    private static ArrayNode supports(Handle h, long meetingId) {
        return Json.MAPPER.createArrayNode().addAll(h.createQuery(SUPPORTS).bind("meeting", meetingId)
                .bind("limit", FEED_LENGTH).map((rs, ctx) -> {
                    ObjectNode json = Json.MAPPER.createObjectNode();
                    json.put("proposalId", rs.getLong(1));
                    json.put("proposalTitle", rs.getString(2));
                    json.put("createdAt", rs.getObject(3, OffsetDateTime.class).toString());
                    return json;
                }).list());
    }

    /** The project's most supported visible proposals, with their supports and visible comments. */
    static ArrayNode topProposals(Handle h, long projectId) {
        return Json.MAPPER.createArrayNode().addAll(h.createQuery(TOP_PROPOSALS_SQL).bind("project", projectId)
                .bind("limit", TOP_PROPOSALS).map((rs, ctx) -> {
                    ObjectNode json = Json.MAPPER.createObjectNode();
                    json.put("id", rs.getLong(1));
                    json.put("title", rs.getString(2));
                    json.put("status", rs.getString(3));
                    json.put("supportCount", rs.getLong(4));
                    json.put("commentCount", rs.getLong(5));
                    return json;
                }).list());
    }

    void putCount(ObjectNode json, String name, long count, boolean staff) {
        if (staff) {
            json.put(name, count);
        } else {
            json.put(name, smallCounts.show(count));
        }
    }

    /** A count by one named parameter, e.g. {@link #ATTENDEES} by {@code :meeting}. */
    static long count(Handle h, String sql, String name, long value) {
        return h.createQuery(sql).bind(name, value).mapTo(Long.class).findOne().orElse(0L);
    }
}
