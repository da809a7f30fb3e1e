package nl.plein.learning;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import nl.plein.projects.Language;
import nl.plein.reports.MapDrawing;
import nl.plein.reports.MapSvg;
import nl.plein.reports.Markup;
import nl.plein.reports.Messages;
import nl.plein.reports.ReportPage;

/**
 * The printable learning report of a round: one HTML page written on the server from the same JSON
 * the learning page shows ({@link LearningReport#json}), with the reports' style sheet (a phone on
 * screen, A4 on paper) and SVG maps drawn by the reports' {@link MapDrawing}. All user text is escaped.
 */
public final class LearningPage {
    private final LearningReport report;
    private final MapDrawing maps;

    public LearningPage(LearningReport report, MapDrawing maps) {
        this.report = report;
        this.maps = maps;
    }

    public String html(long projectId, Language language) {
        JsonNode r = report.json(projectId);
        var m = Messages.of(language);
        var out = new StringBuilder(32 * 1024);
        String title = m.text("learning.title", "title", r.get("title").asText());
        String other = language == Language.NL ? "en" : "nl";
        out.append("<!doctype html>\n<html lang=\"").append(m.tag()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(e(m.text("report.documentTitle", "title", title))).append("</title>")
                .append("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">")
                .append("<link rel=\"stylesheet\" href=\"/reports/report.css\"></head><body>")
                .append("<nav class=\"report-nav\" aria-label=\"").append(e(m.text("report.nav"))).append("\">")
                .append("<a href=\"/#/projects/").append(projectId).append("/learning\">")
                .append(e(m.text("learning.back"))).append("</a> <a href=\"?lang=").append(other).append("\" lang=\"")
                .append(other).append("\" hreflang=\"").append(other).append("\">")
                .append(e(m.text("report.otherLanguage"))).append("</a><span class=\"print-hint\">")
                .append(e(m.text("report.printHint"))).append("</span></nav><main><header class=\"report-header\"><h1>")
                .append(e(title)).append("</h1>");
        JsonNode series = r.get("series");
        if (!series.isNull()) {
            out.append("<p class=\"summary\">").append(e(m.text("learning.series", "series", series.get("name").asText(),
                    "round", roundLabel(series, projectId)))).append("</p>");
        }
        out.append("<p class=\"note\">").append(e(m.text("participation.small", "threshold",
                r.get("threshold").asInt(), "below", r.get("threshold").asInt() - 1))).append("</p></header>");
        LearningSections.participation(out, r, m);
        if (!r.get("areaSet").isNull()) {
            maps(out, projectId, r, language, m);
        }
        LearningSections.turnout(out, r, m);
        LearningSections.money(out, r, m);
        LearningSections.realisation(out, r, m);
        LearningSections.lessons(out, r, m);
        LearningSections.comparison(out, r, m);
        out.append("</main></body></html>\n");
        return out.toString();
    }

    private static String roundLabel(JsonNode series, long projectId) {
        for (JsonNode round : series.get("rounds")) {
            if (round.get("projectId").asLong() == projectId) {
                return round.get("label").asText();
            }
        }
        return "";
    }

    private void maps(StringBuilder out, long projectId, JsonNode r, Language language, Messages m) {
        ReportPage.section(out, "maps", m.text("maps.heading"));
        long setId = r.get("areaSet").get("id").asLong();
        var drawings = new ArrayList<MapDrawing.Drawing>();
        drawings.add(maps.draw(new MapDrawing.Request(projectId, null, new MapDrawing.Layers(true, setId,
                new MapDrawing.ParticipationLayer(setId), null, null, null, null), "map-participation",
                "map.participation")));
        for (var drawing : drawings) {
            out.append("<figure class=\"map\">").append(MapSvg.svg(drawing, language)).append("<figcaption>")
                    .append(e(m.text(drawing.subject()))).append("</figcaption></figure>");
        }
        out.append("</section>");
    }

    private static String e(String text) {
        return Markup.escape(text);
    }
}
