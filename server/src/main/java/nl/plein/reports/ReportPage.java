package nl.plein.reports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import nl.plein.http.Choices;
import nl.plein.projects.Language;
import nl.plein.reports.ReportData.Figures;

/**
 * A report as one HTML page, written on the server: it needs no JavaScript, and its style sheet
 * (report.css) lays it out for a phone on screen and for A4 on paper. All user text is escaped.
 */
public final class ReportPage {
    private final ZoneId zone;

    public ReportPage(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * What a page adds to a project's report, e.g. the record of a meeting: its own heading (plain
     * text, escaped here) and HTML the caller has escaped, ideally {@code <section>}s with an
     * {@code <h2>}, placed first, right under the heading.
     */
    public record Extra(String heading, String html) {
    }

    /** The page of a project's report. */
    public String render(ReportData data, Language language) {
        return render(data, language, null);
    }

    /** The page of a project's report with {@code extra} (may be null) first. */
    public String render(ReportData data, Language language, Extra extra) {
        var m = Messages.of(language);
        var out = new StringBuilder(64 * 1024);
        String title = extra == null ? m.text("report.title", "title", data.title()) : extra.heading();
        out.append("<!doctype html>\n<html lang=\"").append(m.tag()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(e(m.text("report.documentTitle", "title", title))).append("</title>")
                .append("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">")
                .append("<link rel=\"stylesheet\" href=\"/reports/report.css\"></head><body>")
                .append("<nav class=\"report-nav\" aria-label=\"").append(e(m.text("report.nav"))).append("\">")
                .append("<a href=\"/#/projects/").append(data.projectId()).append("\">").append(e(m.text("report.back")))
                .append("</a> <a href=\"?lang=").append(language == Language.NL ? "en" : "nl").append("\" lang=\"")
                .append(language == Language.NL ? "en" : "nl").append("\" hreflang=\"")
                .append(language == Language.NL ? "en" : "nl").append("\">").append(e(m.text("report.otherLanguage")))
                .append("</a><span class=\"print-hint\">").append(e(m.text("report.printHint"))).append("</span></nav>")
                .append("<main><header class=\"report-header\"><h1>").append(e(title)).append("</h1><p class=\"generated\">")
                .append(e(m.text("report.generated", "date", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG,
                        FormatStyle.SHORT).withLocale(m.locale()).format(data.generatedAt().atZone(zone)))))
                .append("</p>");
        if (!data.summary().isBlank()) {
            out.append("<p class=\"summary\">").append(e(data.summary())).append("</p>");
        }
        out.append("</header>");
        if (extra != null) {
            out.append(extra.html());
        }
        process(out, data, m);
        participation(out, data, m);
        maps(out, data, language, m);
        top(out, data, m);
        decisions(out, data, m);
        budget(out, data, m);
        out.append("<section aria-labelledby=\"method-heading\"><h2 id=\"method-heading\">")
                .append(e(m.text("method.heading"))).append("</h2><p>")
                .append(e(m.text("method.text", "srid", data.method().metricSrid(), "eps",
                        m.number(data.method().clusterEps(), 0), "minPoints", data.method().clusterMinPoints(),
                        "k", data.method().clusterMinPoints() - 1)))
                .append("</p></section></main></body></html>\n");
        return out.toString();
    }

    private void process(StringBuilder out, ReportData data, Messages m) {
        section(out, "process", m.text("process.heading"));
        out.append("<table><caption>").append(e(m.text("process.caption"))).append("</caption><thead><tr><th scope=\"col\">")
                .append(e(m.text("process.stage"))).append("</th><th scope=\"col\">").append(e(m.text("process.starts")))
                .append("</th><th scope=\"col\">").append(e(m.text("process.ends"))).append("</th><th scope=\"col\">")
                .append(e(m.text("process.now"))).append("</th></tr></thead><tbody>");
        for (var s : data.stages()) {
            boolean current = s.stage() == data.currentStage();
            out.append("<tr").append(current ? " class=\"current\"" : "").append("><th scope=\"row\">")
                    .append(e(m.text("stage." + Choices.wire(s.stage())))).append("</th><td>")
                    .append(e(date(s.startsOn(), m))).append("</td><td>").append(e(date(s.endsOn(), m)))
                    .append("</td><td>").append(current ? e(m.text("process.current")) : "").append("</td></tr>");
        }
        out.append("</tbody></table></section>");
    }

    private void participation(StringBuilder out, ReportData data, Messages m) {
        section(out, "participation", m.text("participation.heading"));
        Figures f = data.participation();
        if (f == null) {
            out.append("<p>").append(e(m.text("participation.none"))).append("</p></section>");
            return;
        }
        int threshold = data.method().threshold();
        out.append("<dl class=\"figures\" aria-label=\"").append(e(m.text("participation.totals"))).append("\">");
        figure(out, m.text("participation.participantsAllAreas"), f.participantsAllAreas());
        figure(out, m.text("participation.participants"), f.participants());
        figure(out, m.text("participation.withoutArea"), f.participantsWithoutArea());
        figure(out, m.text("participation.population"), m.number(f.population(), 0));
        figure(out, m.text("participation.rate"), rate(f.ratePer1000(), m));
        figure(out, m.text("participation.gini"), f.gini() == null ? m.text("participation.notShown")
                : m.number(f.gini(), 2));
        figure(out, m.text("participation.hoover"), f.hoover() == null ? m.text("participation.notShown")
                : m.number(f.hoover(), 2));
        figure(out, m.text("participation.proposals"), f.proposals());
        figure(out, m.text("participation.comments"), f.comments());
        figure(out, m.text("participation.supports"), f.supports());
        out.append("</dl><p class=\"note\">").append(e(m.text("participation.small", "threshold", threshold,
                "below", threshold - 1))).append("</p>");
        String set = f.areaSet() + (f.areaSetYear() == null ? "" : " (" + f.areaSetYear() + ")");
        out.append("<table class=\"areas\"><caption>").append(e(m.text("participation.caption")))
                .append(" – ").append(e(m.text("participation.set", "set", set))).append("</caption><thead><tr>")
                .append("<th scope=\"col\">").append(e(m.text("participation.area"))).append("</th>")
                .append("<th scope=\"col\" class=\"number\">").append(e(m.text("participation.population"))).append("</th>")
                .append("<th scope=\"col\" class=\"number\">").append(e(m.text("participation.participantsShort"))).append("</th>")
                .append("<th scope=\"col\" class=\"number\">").append(e(m.text("participation.rate"))).append("</th>")
                .append("</tr></thead><tbody>");
        for (var a : f.areas()) {
            out.append("<tr><th scope=\"row\">").append(e(a.name())).append("</th><td class=\"number\">")
                    .append(a.population() == null ? e(m.text("participation.notShown")) : m.number(a.population(), 0))
                    .append("</td><td class=\"number\">").append(e(a.participants())).append("</td><td class=\"number\">")
                    .append(e(rate(a.ratePer1000(), m))).append("</td></tr>");
        }
        out.append("</tbody></table></section>");
    }

    private void maps(StringBuilder out, ReportData data, Language language, Messages m) {
        section(out, "maps", m.text("maps.heading"));
        for (var drawing : data.maps()) {
            out.append("<figure class=\"map\">").append(MapSvg.svg(drawing, language)).append("<figcaption>")
                    .append(e(m.text(drawing.subject()))).append("</figcaption></figure>");
        }
        out.append("</section>");
    }

    private void top(StringBuilder out, ReportData data, Messages m) {
        section(out, "top", m.text("top.heading"));
        if (data.topProposals().isEmpty()) {
            out.append("<p>").append(e(m.text("top.none"))).append("</p></section>");
            return;
        }
        out.append("<table><caption>").append(e(m.text("top.caption", "count", data.topProposals().size())))
                .append("</caption><thead><tr><th scope=\"col\">").append(e(m.text("top.title")))
                .append("</th><th scope=\"col\">").append(e(m.text("top.status"))).append("</th><th scope=\"col\" class=\"number\">")
                .append(e(m.text("top.supports"))).append("</th><th scope=\"col\">").append(e(m.text("top.category")))
                .append("</th></tr></thead><tbody>");
        for (var p : data.topProposals()) {
            out.append("<tr><th scope=\"row\">").append(e(p.title())).append("</th><td>")
                    .append(e(m.text("status." + Choices.wire(p.status())))).append("</td><td class=\"number\">")
                    .append(p.supports()).append("</td><td>").append(e(p.category())).append("</td></tr>");
        }
        out.append("</tbody></table></section>");
    }

    private void decisions(StringBuilder out, ReportData data, Messages m) {
        section(out, "decisions", m.text("decisions.heading"));
        if (data.decisions().isEmpty()) {
            out.append("<p>").append(e(m.text("decisions.none"))).append("</p></section>");
            return;
        }
        out.append("<table class=\"decisions\"><caption>").append(e(m.text("decisions.caption")))
                .append("</caption><thead><tr><th scope=\"col\">").append(e(m.text("decisions.proposal")))
                .append("</th><th scope=\"col\">").append(e(m.text("decisions.change"))).append("</th><th scope=\"col\">")
                .append(e(m.text("decisions.reason"))).append("</th><th scope=\"col\">")
                .append(e(m.text("decisions.date"))).append("</th></tr></thead><tbody>");
        for (var d : data.decisions()) {
            String from = d.from() == null ? m.text("decisions.new") : m.text("status." + Choices.wire(d.from()));
            out.append("<tr><th scope=\"row\">").append(e(d.proposalTitle())).append("</th><td>").append(e(from))
                    .append(" → ").append(e(m.text("status." + Choices.wire(d.to())))).append("</td><td>")
                    .append(e(d.reason())).append("</td><td>")
                    .append(e(date(d.decidedAt().atZoneSameInstant(zone).toLocalDate(), m))).append("</td></tr>");
        }
        out.append("</tbody></table></section>");
    }

    /** The "Budget vote" section: one part per budget vote whose closing time has passed; none without. */
    private void budget(StringBuilder out, ReportData data, Messages m) {
        for (int v = 0; v < data.budgetVotes().size(); v++) {
            var vote = data.budgetVotes().get(v);
            section(out, "budget-" + v, m.text("budget.heading", "title", vote.title()));
            out.append("<p>").append(e(m.text("budget.rule", "rule", m.text("budget.rule." + vote.rule()))))
                    .append("</p><table><caption>").append(e(m.text("budget.potsCaption"))).append("</caption><thead><tr>");
            for (String key : List.of("budget.pot", "budget.budget", "budget.spent", "budget.voters", "budget.funded")) {
                out.append("<th scope=\"col\">").append(e(m.text(key))).append("</th>");
            }
            out.append("</tr></thead><tbody>");
            for (var pot : vote.pots()) {
                out.append("<tr><th scope=\"row\"><svg class=\"swatch\" width=\"12\" height=\"12\" aria-hidden=\"true\">")
                        .append("<rect width=\"12\" height=\"12\" fill=\"").append(pot.colour()).append("\"/></svg> ").append(e(pot.name())).append("</th><td class=\"number\">")
                        .append(euros(pot.budget(), m)).append("</td><td class=\"number\">").append(euros(pot.spent(), m))
                        .append("</td><td class=\"number\">").append(e(pot.voters())).append("</td><td>")
                        .append(e(pot.funded().isEmpty() ? m.text("budget.nothing") : String.join("; ", pot.funded())))
                        .append("</td></tr>");
            }
            out.append("</tbody></table>");
            if (!vote.svg().isEmpty()) {
                out.append("<figure class=\"map\">").append(vote.svg().replace("role=\"img\"", "role=\"img\" aria-label=\""
                        + e(m.text("budget.mapCaption")) + "\"")).append("<figcaption>")
                        .append(e(m.text("budget.mapCaption"))).append("</figcaption></figure>");
            }
            if (!vote.areas().isEmpty()) {
                out.append("<table class=\"areas\"><caption>").append(e(m.text("budget.areasCaption")))
                        .append("</caption><thead><tr>");
                for (String key : List.of("budget.area", "budget.euros", "budget.perResident", "budget.voters",
                        "budget.gotNothing")) {
                    out.append("<th scope=\"col\">").append(e(m.text(key))).append("</th>");
                }
                out.append("</tr></thead><tbody>");
                for (var a : vote.areas()) {
                    out.append("<tr><th scope=\"row\">").append(e(a.name())).append("</th><td class=\"number\">")
                            .append(e(m.number(a.euros(), 0))).append("</td><td class=\"number\">")
                            .append(e(a.eurosPerResident() == null ? m.text("participation.notShown")
                                    : m.number(a.eurosPerResident(), 2)))
                            .append("</td><td class=\"number\">").append(e(a.voters())).append("</td><td>")
                            .append(e(m.text(a.gotNothing() ? "budget.yes" : "budget.no"))).append("</td></tr>");
                }
                out.append("</tbody></table><dl class=\"figures\">");
                figure(out, m.text("budget.gini"), vote.gini() == null ? m.text("participation.notShown")
                        : m.number(vote.gini(), 2));
                out.append("</dl>");
            }
            out.append("<p class=\"note\">").append(e(m.text("budget.method"))).append("</p></section>");
        }
    }

    private static String euros(long amount, Messages m) {
        return e("€ " + m.number(amount, 0));
    }

    /** Opens a {@code <section>} labelled by its {@code <h2>} (heading escaped here); the caller closes it. */
    public static void section(StringBuilder out, String id, String heading) {
        out.append("<section aria-labelledby=\"").append(id).append("-heading\"><h2 id=\"").append(id)
                .append("-heading\">").append(e(heading)).append("</h2>");
    }

    /** One figure of a {@code <dl class="figures">}: its words and its value, both escaped here. */
    public static void figure(StringBuilder out, String term, String value) {
        out.append("<div><dt>").append(e(term)).append("</dt><dd>").append(e(value)).append("</dd></div>");
    }

    private static String rate(Double rate, Messages m) {
        return rate == null ? m.text("participation.notShown") : m.number(rate, 1);
    }

    private static String date(LocalDate date, Messages m) {
        return date == null ? m.text("process.notPlanned")
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(m.locale()).format(date);
    }

    private static String e(String text) {
        return Markup.escape(text);
    }
}
