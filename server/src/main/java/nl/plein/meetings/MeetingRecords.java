package nl.plein.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.http.Json;
import nl.plein.meetings.MeetingStore.Lock;
import nl.plein.presentations.MapView;
import nl.plein.presentations.PresentationStore;
import nl.plein.reports.MapDrawing;
import nl.plein.reports.ReportBuilder;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Closing a meeting and the record it leaves. In one transaction the meeting is marked closed and
 * what it showed is copied into {@code meeting_records.content}: the meeting and project, the
 * presentation's slides as they were, every question with its public results and pins, the visible
 * comments made in it, and its figures. The record is never changed afterwards: later comments,
 * hides or decisions do not reach it.
 */
public final class MeetingRecords {
    private static final String INSERT = Jdbis.sql(MeetingRecords.class, "record-insert.sql");
    private static final String CLOSE = Jdbis.sql(MeetingRecords.class, "meeting-close.sql");
    private static final String RECORD = Jdbis.sql(MeetingRecords.class, "record.sql");
    private static final String QUESTION_IDS = Jdbis.sql(MeetingRecords.class, "question-ids.sql");
    private static final String SUPPORTERS = Jdbis.sql(MeetingRecords.class, "supporters-count.sql");
    private static final String SUPPORTS = Jdbis.sql(MeetingRecords.class, "supports-count.sql");

    private final Jdbi jdbi;
    private final LiveState live;
    private final ReportBuilder reports;
    private final MapDrawing maps;

    public MeetingRecords(Jdbi jdbi, LiveState live, ReportBuilder reports, MapDrawing maps) {
        this.jdbi = jdbi;
        this.live = live;
        this.reports = reports;
        this.maps = maps;
    }

    /** Closes the open meeting and returns its record. */
    public String close(long meetingId) {
        // A handle of its own rather than jdbi.inTransaction: Jdbi would lend the closing transaction to
        // any Jdbi callback the report makes on this thread, and the report is read on other connections.
        try (Handle own = jdbi.open()) {
            return own.inTransaction(h -> {
                MeetingStore.lockOpen(h, meetingId, Lock.UPDATE);
                h.createUpdate(MeetingStore.CLOSE_OPEN_QUESTIONS).bind("meeting", meetingId).execute();
                h.createUpdate(CLOSE).bind("meeting", meetingId).execute();
                Meeting meeting = MeetingStore.get(h, meetingId).orElseThrow();
                ObjectNode content = content(h, meeting);
                addReportAndMaps(meeting, content);
                return h.createQuery(INSERT).bind("meeting", meetingId).bind("closed", meeting.closedAt())
                        .bind("content", content.toString()).mapTo(String.class).one();
            });
        }
    }

    /** The stored record, exactly as stored; 404 while the meeting is open. */
    public String get(long meetingId) {
        return jdbi.withHandle(h -> h.createQuery(RECORD)
                .bind("meeting", meetingId).mapTo(String.class).findOne()).orElseThrow(() -> ApiError.notFound(
                        "A record of meeting " + meetingId + " (it exists once the meeting is closed)"));
    }

    /** The record's content, read in the closing transaction. */
    private ObjectNode content(Handle h, Meeting meeting) {
        ObjectNode content = Json.MAPPER.createObjectNode();
        content.put("recordVersion", 1);
        content.set("meeting", LiveState.meetingJson(meeting));
        content.set("project", LiveState.project(h, meeting.projectId()));
        content.set("presentation", meeting.presentationId() == null ? null
                : PresentationStore.presentation(h, meeting.presentationId())
                        .map(json -> Json.parse(json.getBytes(StandardCharsets.UTF_8))).orElse(null));
        ArrayNode questions = content.putArray("questions");
        for (long id : h.createQuery(QUESTION_IDS)
                .bind("meeting", meeting.id()).mapTo(Long.class).list()) {
            questions.add(live.question(h, id, false));
        }
        ArrayNode comments = LiveState.comments(h, meeting.id(), 0);
        content.set("comments", comments);
        ObjectNode figures = content.putObject("figures");
        live.putCount(figures, "attendees", LiveState.count(h, LiveState.ATTENDEES, "meeting", meeting.id()), false);
        figures.put("comments", comments.size());
        live.putCount(figures, "supporters", LiveState.count(h, SUPPORTERS, "meeting", meeting.id()), false);
        figures.put("supports", LiveState.count(h, SUPPORTS, "meeting", meeting.id()));
        content.set("topProposals", LiveState.topProposals(h, meeting.projectId()));
        return content;
    }

    /**
     * A map of each pin question's public pins over the project's outline, drawn at the close like
     * the slides' maps (records made before this have none, and their page shows none).
     */
    private void pinMaps(Meeting meeting, ObjectNode content) {
        for (JsonNode node : content.get("questions")) {
            JsonNode pins = node.get("pins");
            if (pins == null || pins.isEmpty()) {
                continue;
            }
            var points = new ArrayList<MapDrawing.Pin>();
            pins.forEach(p -> points.add(new MapDrawing.Pin(p.get("lon").asDouble(), p.get("lat").asDouble())));
            var request = new MapDrawing.Request(meeting.projectId(), null, MapDrawing.Layers.pins(points),
                    "question-" + node.get("id").asLong(), "map.pins");
            ((ObjectNode) node).set("map", Json.MAPPER.valueToTree(maps.draw(request)));
        }
    }

    /**
     * The printable report's part (process, participation in public form, maps, most supported
     * proposals, decisions) and each slide's map as the server draws it, kept in the record so that
     * they too stay as they were at the close. They are read on their own connections while the
     * closing transaction holds the meeting, so no attendee's write lands in between. A slide whose
     * map cannot be drawn any more (its boundary set was removed) keeps its view and says why.
     */
    private void addReportAndMaps(Meeting meeting, ObjectNode content) {
        content.set("report", Json.MAPPER.valueToTree(reports.build(meeting.projectId())));
        pinMaps(meeting, content);
        JsonNode presentation = content.get("presentation");
        if (presentation == null || presentation.isNull()) {
            return;
        }
        for (JsonNode node : presentation.get("slides")) {
            ObjectNode slide = (ObjectNode) node;
            try {
                MapView view = MapView.parse(slide.get("view"), "view");
                var request = MapDrawing.Request.of(meeting.projectId(), view, "slide-" + slide.get("position").asInt());
                slide.set("map", Json.MAPPER.valueToTree(maps.draw(request)));
            } catch (ApiError e) {
                slide.putNull("map");
                slide.put("mapProblem", e.getMessage());
            }
        }
    }
}
