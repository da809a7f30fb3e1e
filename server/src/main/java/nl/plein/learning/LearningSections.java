package nl.plein.learning;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import nl.plein.reports.Markup;
import nl.plein.reports.Messages;
import nl.plein.reports.ReportPage;

/**
 * The sections of the printable learning report, each written from its part of the report's JSON.
 * Empty parts say so in words ("no works yet"); a figure that is hidden or unknown shows as "–".
 */
final class LearningSections {
    private LearningSections() {
    }

    static void participation(StringBuilder out, JsonNode r, Messages m) {
        ReportPage.section(out, "participation", m.text("learning.participation.heading"));
        JsonNode p = r.get("participation");
        if (p.isNull()) {
            out.append("<p>").append(e(m.text("learning.noAreas"))).append("</p></section>");
            return;
        }
        JsonNode set = r.get("areaSet");
        String setName = set.get("name").asText() + (set.get("year").isNull() ? "" : " (" + set.get("year").asInt() + ")");
        out.append("<dl class=\"figures\">");
        ReportPage.figure(out, m.text("participation.participants"), p.get("participants").asText());
        ReportPage.figure(out, m.text("participation.population"), m.number(p.get("population").asDouble(), 0));
        ReportPage.figure(out, m.text("participation.rate"), decimal(p.get("ratePer1000"), 1, m));
        out.append("</dl>");
        head(out, m.text("participation.caption") + " – " + m.text("participation.set", "set", setName),
                List.of("participation.area", "participation.population", "participation.participantsShort",
                        "participation.rate", "learning.ratio", "learning.representation"), m);
        for (JsonNode a : p.get("areas")) {
            row(out, a.get("name").asText(), List.of(whole(a.get("population"), m), a.get("participants").asText(),
                    decimal(a.get("ratePer1000"), 1, m), decimal(a.get("ratio"), 2, m),
                    m.text("learning.representation." + a.get("representation").asText())));
        }
        close(out);
    }

    static void turnout(StringBuilder out, JsonNode r, Messages m) {
        ReportPage.section(out, "turnout", m.text("learning.turnout.heading"));
        if (r.get("turnout").isNull()) {
            out.append("<p>").append(e(m.text("learning.noAreas"))).append("</p></section>");
            return;
        }
        var votes = r.get("turnout").get("votes");
        if (votes.isEmpty()) {
            out.append("<p>").append(e(m.text("learning.turnout.none"))).append("</p></section>");
            return;
        }
        for (JsonNode v : votes) {
            head(out, m.text("learning.turnout.caption", "title", v.get("title").asText(), "voters",
                    v.get("voters").asText()), List.of("participation.area", "participation.population",
                    "budget.voters", "learning.ratio"), m);
            for (JsonNode a : v.get("areas")) {
                row(out, a.get("name").asText(), List.of(whole(a.get("population"), m), a.get("voters").asText(),
                        decimal(a.get("ratio"), 2, m)));
            }
            out.append("</tbody></table></div>");
        }
        out.append("</section>");
    }

    static void money(StringBuilder out, JsonNode r, Messages m) {
        ReportPage.section(out, "money", m.text("learning.money.heading"));
        JsonNode money = r.get("money");
        if (money.get("euros").asLong() == 0) {
            out.append("<p>").append(e(m.text("learning.money.none"))).append("</p></section>");
            return;
        }
        out.append("<dl class=\"figures\">");
        ReportPage.figure(out, m.text("learning.money.total"), euros(money.get("euros").asLong(), m));
        ReportPage.figure(out, m.text("learning.money.inNoArea"), euros(money.get("eurosInNoArea").asLong(), m));
        out.append("</dl>");
        if (money.get("areas").isEmpty()) {
            out.append("<p>").append(e(m.text("learning.noAreas"))).append("</p></section>");
            return;
        }
        head(out, m.text("learning.money.caption"), List.of("participation.area", "participation.population",
                "learning.money.works", "learning.money.items", "learning.money.euros", "budget.perResident"), m);
        for (JsonNode a : money.get("areas")) {
            row(out, a.get("name").asText(), List.of(whole(a.get("population"), m), m.number(a.get("works").asLong(), 0),
                    m.number(a.get("items").asLong(), 0), euros(a.get("euros").asLong(), m),
                    a.get("eurosPerResident").isNull() ? m.text("participation.notShown")
                            : "€ " + m.number(a.get("eurosPerResident").asDouble(), 2)));
        }
        out.append("</tbody></table></div><p class=\"note\">").append(e(m.text("learning.money.method")))
                .append("</p></section>");
    }

    static void realisation(StringBuilder out, JsonNode r, Messages m) {
        ReportPage.section(out, "realisation", m.text("learning.realisation.heading"));
        JsonNode real = r.get("realisation");
        JsonNode t = real.get("totals");
        if (t.get("works").asLong() == 0) {
            out.append("<p>").append(e(m.text("learning.realisation.none"))).append("</p></section>");
            return;
        }
        out.append("<dl class=\"figures\">");
        for (String key : List.of("works", "onTime", "delayed", "running", "cancelled", "withinBudget", "overBudget")) {
            ReportPage.figure(out, m.text("learning.realisation." + key), m.number(t.get(key).asLong(), 0));
        }
        out.append("</dl>");
        head(out, m.text("learning.realisation.caption"), List.of("learning.work", "learning.work.status",
                "learning.work.timing", "budget.budget", "learning.work.spent", "learning.work.evaluations",
                "learning.work.rating"), m);
        for (JsonNode w : real.get("works")) {
            row(out, w.get("title").asText(), List.of(m.text("learning.status." + w.get("status").asText()),
                    m.text("learning.timing." + w.get("timing").asText()), euros(w.get("budget").asLong(), m),
                    euros(w.get("spent").asLong(), m) + (w.get("overBudget").asBoolean()
                            ? " (" + m.text("learning.overBudget") + ")" : ""),
                    w.get("evaluations").asText(), decimal(w.get("meanRating"), 1, m)));
        }
        out.append("</tbody></table></div><p class=\"note\">").append(e(m.text("learning.realisation.method",
                "n", real.get("minForMean").asInt()))).append("</p></section>");
    }

    static void lessons(StringBuilder out, JsonNode r, Messages m) {
        ReportPage.section(out, "lessons", m.text("learning.lessons.heading"));
        if (r.get("lessons").isEmpty()) {
            out.append("<p>").append(e(m.text("learning.lessons.none"))).append("</p></section>");
            return;
        }
        out.append("<ol class=\"lessons\">");
        r.get("lessons").forEach(l -> out.append("<li>").append(e(l.get("text").asText())).append("</li>"));
        out.append("</ol></section>");
    }

    static void comparison(StringBuilder out, JsonNode r, Messages m) {
        ReportPage.section(out, "comparison", m.text("learning.comparison.heading"));
        JsonNode c = r.get("comparison");
        if (c.isNull()) {
            out.append("<p>").append(e(m.text("learning.comparison.none"))).append("</p></section>");
            return;
        }
        out.append("<div class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"")
                .append(e(m.text("learning.comparison.caption"))).append("\"><table><caption>")
                .append(e(m.text("learning.comparison.caption"))).append("</caption><thead><tr><th scope=\"col\">")
                .append(e(m.text("participation.area"))).append("</th>");
        for (JsonNode round : c.get("rounds")) {
            out.append("<th scope=\"col\">").append(e(round.get("label").asText())).append("</th>");
        }
        out.append("<th scope=\"col\">").append(e(m.text("learning.comparison.now"))).append("</th><th scope=\"col\">")
                .append(e(m.text("learning.comparison.outcome"))).append("</th></tr></thead><tbody>");
        for (JsonNode a : c.get("areas")) {
            out.append("<tr><th scope=\"row\">").append(e(a.get("name").asText())).append("</th>");
            a.get("earlier").forEach(cell -> out.append("<td>").append(e(cell(cell, m))).append("</td>"));
            out.append("<td>").append(e(cell(a.get("now"), m))).append("</td><td>")
                    .append(e(m.text("learning.outcome." + a.get("outcome").asText()))).append("</td></tr>");
        }
        out.append("</tbody></table></div><p class=\"note\">").append(e(m.text("learning.comparison.method")))
                .append("</p></section>");
    }

    private static String cell(JsonNode cell, Messages m) {
        return cell.get("participants").asText() + (cell.get("missing").asBoolean()
                ? " – " + m.text("learning.missing") : "");
    }

    /** Opens a table that scrolls sideways on a phone, with its caption and column headings (message keys). */
    private static void head(StringBuilder out, String caption, List<String> columns, Messages m) {
        out.append("<div class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"").append(e(caption))
                .append("\"><table><caption>").append(e(caption)).append("</caption><thead><tr>");
        for (int i = 0; i < columns.size(); i++) {
            out.append("<th scope=\"col\"").append(i == 0 ? "" : " class=\"number\"").append('>')
                    .append(e(m.text(columns.get(i)))).append("</th>");
        }
        out.append("</tr></thead><tbody>");
    }

    private static void row(StringBuilder out, String name, List<String> cells) {
        out.append("<tr><th scope=\"row\">").append(e(name)).append("</th>");
        cells.forEach(c -> out.append("<td class=\"number\">").append(e(c)).append("</td>"));
        out.append("</tr>");
    }

    private static void close(StringBuilder out) {
        out.append("</tbody></table></div></section>");
    }

    private static String whole(JsonNode value, Messages m) {
        return value == null || value.isNull() ? m.text("participation.notShown") : m.number(value.asDouble(), 0);
    }

    private static String decimal(JsonNode value, int decimals, Messages m) {
        return value == null || value.isNull() ? m.text("participation.notShown") : m.number(value.asDouble(), decimals);
    }

    private static String euros(long amount, Messages m) {
        return "€ " + m.number(amount, 0);
    }

    private static String e(String text) {
        return Markup.escape(text);
    }
}
