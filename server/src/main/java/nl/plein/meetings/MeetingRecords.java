package nl.plein.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import javax.sql.DataSource;
import nl.plein.db.Sql;
import nl.plein.http.ApiError;
import nl.plein.http.Json;
import nl.plein.presentations.MapView;
import nl.plein.presentations.PresentationStore;
import nl.plein.reports.MapDrawing;
import nl.plein.reports.ReportBuilder;

/**
 * Closing a meeting and the record it leaves. In one transaction the meeting is marked closed and
 * what it showed is copied into {@code meeting_records.content}: the meeting and project, the
 * presentation's slides as they were, every question with its public results and pins, the visible
 * comments made in it, and its figures. The record is never changed afterwards: later comments,
 * hides or decisions do not reach it.
 */
public final class MeetingRecords {
    private final DataSource dataSource;
    private final LiveState live;
    private final ReportBuilder reports;
    private final MapDrawing maps;

    public MeetingRecords(DataSource dataSource, LiveState live, ReportBuilder reports, MapDrawing maps) {
        this.dataSource = dataSource;
        this.live = live;
        this.reports = reports;
        this.maps = maps;
    }

    /** Closes the open meeting and returns its record. */
    public String close(long meetingId) {
        return Sql.transaction(dataSource, c -> {
            MeetingStore.lockOpen(c, meetingId, "FOR UPDATE");
            Sql.update(c, "UPDATE meeting_questions SET closed_at = now() WHERE meeting_id = ? AND closed_at IS NULL",
                    meetingId);
            Sql.update(c, "UPDATE meetings SET closed_at = now() WHERE id = ?", meetingId);
            Meeting meeting = MeetingStore.get(c, meetingId).orElseThrow();
            ObjectNode content = content(c, meeting);
            addReportAndMaps(meeting, content);
            return Sql.one(c, """
                    INSERT INTO meeting_records (meeting_id, closed_at, content) VALUES (?, ?, ?::jsonb)
                    RETURNING content::text""", rs -> rs.getString(1), meetingId, meeting.closedAt(),
                    content.toString()).orElseThrow();
        });
    }

    /** The stored record, exactly as stored; 404 while the meeting is open. */
    public String get(long meetingId) {
        return Sql.read(dataSource, c -> Sql.one(c, "SELECT content::text FROM meeting_records WHERE meeting_id = ?",
                rs -> rs.getString(1), meetingId)).orElseThrow(() -> ApiError.notFound(
                        "A record of meeting " + meetingId + " (it exists once the meeting is closed)"));
    }

    private ObjectNode content(Connection c, Meeting meeting) throws SQLException {
        ObjectNode content = Json.MAPPER.createObjectNode();
        content.put("recordVersion", 1);
        content.set("meeting", LiveState.meetingJson(meeting));
        content.set("project", LiveState.project(c, meeting.projectId()));
        content.set("presentation", meeting.presentationId() == null ? null
                : PresentationStore.presentation(c, meeting.presentationId())
                        .map(json -> Json.parse(json.getBytes(StandardCharsets.UTF_8))).orElse(null));
        ArrayNode questions = content.putArray("questions");
        for (long id : Sql.list(c, "SELECT id FROM meeting_questions WHERE meeting_id = ? ORDER BY id",
                rs -> rs.getLong(1), meeting.id())) {
            questions.add(live.question(c, id, false));
        }
        ArrayNode comments = LiveState.comments(c, meeting.id(), 0);
        content.set("comments", comments);
        ObjectNode figures = content.putObject("figures");
        live.putCount(figures, "attendees", LiveState.count(c,
                "SELECT count(*) FROM meeting_attendees WHERE meeting_id = ?", meeting.id()), false);
        figures.put("comments", comments.size());
        live.putCount(figures, "supporters", LiveState.count(c,
                "SELECT count(DISTINCT account_id) FROM supports WHERE meeting_id = ?", meeting.id()), false);
        figures.put("supports", LiveState.count(c, "SELECT count(*) FROM supports WHERE meeting_id = ?", meeting.id()));
        content.set("topProposals", LiveState.topProposals(c, meeting.projectId()));
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
