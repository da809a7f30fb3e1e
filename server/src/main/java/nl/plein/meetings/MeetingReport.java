package nl.plein.meetings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import nl.plein.http.Json;
import nl.plein.projects.Language;
import nl.plein.reports.MapDrawing;
import nl.plein.reports.MapSvg;
import nl.plein.reports.Markup;
import nl.plein.reports.Messages;
import nl.plein.reports.ReportData;
import nl.plein.reports.ReportPage;

/**
 * The printable record of a closed meeting: the project's report as it stood at the close, with the
 * meeting first (its figures, the slides shown with the maps the server drew then, the questions and
 * their public results, the comments made). Everything comes from the stored record, so the page
 * reads the same however the data changes later; only the words follow the language asked for.
 */
public final class MeetingReport {
    private final MeetingRecords records;
    private final ReportPage page;
    private final ZoneId zone;

    public MeetingReport(MeetingRecords records, ReportPage page, ZoneId zone) {
        this.records = records;
        this.page = page;
        this.zone = zone;
    }

    public String html(long meetingId, Language language) {
        JsonNode record = Json.parse(records.get(meetingId).getBytes(StandardCharsets.UTF_8));
        ReportData report;
        try {
            report = Json.MAPPER.treeToValue(record.get("report"), ReportData.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the record of meeting " + meetingId + " holds no readable report", e);
        }
        var m = Messages.of(language);
        var out = new StringBuilder(32 * 1024);
        meeting(out, record, report, m);
        slides(out, record, language, m);
        questions(out, record, report, language, m);
        comments(out, record, m);
        String started = record.get("meeting").get("startedAt").asText();
        String heading = m.text("meeting.title", "date", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(m.locale()).format(time(started)), "title", record.get("project").get("title").asText());
        return page.render(report, language, new ReportPage.Extra(heading, out.toString()));
    }

    private void meeting(StringBuilder out, JsonNode record, ReportData report, Messages m) {
        JsonNode meeting = record.get("meeting");
        ReportPage.section(out, "meeting", m.text("meeting.heading"));
        var clock = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(m.locale());
        out.append("<p>").append(e(m.text("meeting.when", "start", clock.format(time(meeting.get("startedAt").asText())),
                "end", clock.format(time(meeting.get("closedAt").asText())), "zone", zone.getId()))).append("</p>");
        JsonNode presentation = record.get("presentation");
        if (presentation != null && !presentation.isNull()) {
            out.append("<p>").append(e(m.text("meeting.presentation", "title", presentation.get("title").asText())))
                    .append("</p>");
        }
        JsonNode figures = record.get("figures");
        out.append("<dl class=\"figures\" aria-label=\"").append(e(m.text("meeting.figures"))).append("\">");
        for (String name : new String[] {"attendees", "comments", "supporters", "supports"}) {
            ReportPage.figure(out, m.text("meeting." + name), figures.get(name).asText());
        }
        out.append("</dl></section>");
    }

    private static void slides(StringBuilder out, JsonNode record, Language language, Messages m) {
        JsonNode presentation = record.get("presentation");
        if (presentation == null || presentation.isNull() || presentation.get("slides").isEmpty()) {
            return;
        }
        ReportPage.section(out, "slides", m.text("meeting.slides"));
        for (JsonNode slide : presentation.get("slides")) {
            String title = m.text("meeting.slide", "n", slide.get("position").asInt(), "title", slide.get("title").asText());
            out.append("<article class=\"slide\"><h3>").append(e(title)).append("</h3>");
            if (!slide.get("text").asText().isBlank()) {
                out.append("<p>").append(e(slide.get("text").asText())).append("</p>");
            }
            JsonNode map = slide.get("map");
            if (map != null && !map.isNull()) {
                out.append("<figure class=\"map\">").append(MapSvg.svg(drawing(map), language,
                        slide.get("title").asText())).append("</figure>");
            } else if (slide.has("mapProblem")) {
                out.append("<p>").append(e(m.text("meeting.noMap", "reason", slide.get("mapProblem").asText())))
                        .append("</p>");
            }
            out.append("</article>");
        }
        out.append("</section>");
    }

    private static void questions(StringBuilder out, JsonNode record, ReportData report, Language language,
            Messages m) {
        ReportPage.section(out, "questions", m.text("meeting.questions"));
        if (record.get("questions").isEmpty()) {
            out.append("<p>").append(e(m.text("meeting.noQuestions"))).append("</p>");
        }
        for (JsonNode question : record.get("questions")) {
            out.append("<article class=\"question\"><h3>").append(e(question.get("prompt").asText())).append("</h3>");
            out.append("<p>").append(e(m.text("meeting.answersTotal", "count", question.get("answers").asText())))
                    .append("</p>");
            if (question.has("results")) {
                out.append("<table><thead><tr><th scope=\"col\">").append(e(m.text("meeting.option")))
                        .append("</th><th scope=\"col\" class=\"number\">").append(e(m.text("meeting.answers")))
                        .append("</th></tr></thead><tbody>");
                for (JsonNode result : question.get("results")) {
                    out.append("<tr><td>").append(e(question.get("options").get(result.get("option").asInt()).asText()))
                            .append("</td><td class=\"number\">").append(e(result.get("count").asText()))
                            .append("</td></tr>");
                }
                out.append("</tbody></table>");
            } else if (question.get("pins").isEmpty()) {
                out.append("<p>").append(e(m.text("meeting.pinsHidden", "threshold", report.method().threshold())))
                        .append("</p>");
            } else {
                out.append("<p>").append(e(m.text("meeting.pins", "count", question.get("pins").size()))).append("</p>");
                JsonNode map = question.get("map");
                if (map != null && !map.isNull()) {
                    out.append("<figure class=\"map\">").append(MapSvg.svg(drawing(map), language,
                            question.get("prompt").asText())).append("</figure>");
                }
            }
            out.append("</article>");
        }
        out.append("</section>");
    }

    private void comments(StringBuilder out, JsonNode record, Messages m) {
        ReportPage.section(out, "meeting-comments", m.text("meeting.commentsHeading"));
        if (record.get("comments").isEmpty()) {
            out.append("<p>").append(e(m.text("meeting.noComments"))).append("</p>");
        } else {
            var clock = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(m.locale());
            out.append("<ul class=\"meeting-comments\">");
            for (JsonNode comment : record.get("comments")) {
                out.append("<li><p class=\"comment-meta\">").append(e(m.text("meeting.commentOn",
                        "proposal", comment.get("proposalTitle").asText(), "author", comment.get("author").asText(),
                        "time", clock.format(time(comment.get("createdAt").asText()))))).append("</p><p>")
                        .append(e(comment.get("body").asText())).append("</p></li>");
            }
            out.append("</ul>");
        }
        out.append("</section>");
    }

    private static MapDrawing.Drawing drawing(JsonNode map) {
        try {
            return Json.MAPPER.treeToValue(map, MapDrawing.Drawing.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map in a record cannot be read", e);
        }
    }

    private java.time.ZonedDateTime time(String iso) {
        return OffsetDateTime.parse(iso).atZoneSameInstant(zone);
    }

    private static String e(String text) {
        return Markup.escape(text);
    }
}
