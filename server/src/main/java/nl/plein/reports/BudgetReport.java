package nl.plein.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import nl.plein.analysis.Counts;
import nl.plein.analysis.SmallCounts;
import nl.plein.budgets.results.MoneyMap;
import nl.plein.budgets.results.Results;
import nl.plein.db.Jdbis;
import nl.plein.reports.ReportData.BudgetArea;
import nl.plein.reports.ReportData.BudgetPot;
import nl.plein.reports.ReportData.BudgetVote;
import org.jdbi.v3.core.Jdbi;

/**
 * The "Budget vote" section of a project's report: for each budget vote whose closing time has
 * passed (counted first if it was not yet), the winners per pot under the vote's rule, where the
 * money goes per area with the Gini of funding, and an SVG map of the funded items by pot; counts
 * of people in their public form, as everywhere in a report.
 */
final class BudgetReport {
    private static final String VOTES = Jdbis.sql(BudgetReport.class, "budget-votes.sql");
    private static final String MAP = Jdbis.sql(BudgetReport.class, "budget-map.sql");
    /** Pot colours on the map and in its legend, in pot order (repeating after six). */
    static final List<String> COLOURS = List.of("#1b6ca8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#555555");

    private final Jdbi jdbi;
    private final Results results;
    private final MoneyMap money;
    private final SmallCounts smallCounts;

    BudgetReport(Jdbi jdbi, SmallCounts smallCounts) {
        this.jdbi = jdbi;
        this.smallCounts = smallCounts;
        this.results = new Results(jdbi);
        this.money = new MoneyMap(jdbi, smallCounts);
    }

    List<BudgetVote> votes(long projectId) {
        var ids = jdbi.withHandle(h -> h.createQuery(VOTES).bind("project", projectId).mapTo(Long.class).list());
        var votes = new ArrayList<BudgetVote>();
        for (long id : ids) {
            var facts = results.counted(id);
            JsonNode shown = results.json(facts, facts.rule(), new Counts(false, smallCounts));
            var pots = new ArrayList<BudgetPot>();
            var colour = new HashMap<Long, String>();
            for (JsonNode pot : shown.get("pots")) {
                var funded = new ArrayList<String>();
                pot.get("items").forEach(i -> {
                    if (i.get("funded").asBoolean()) {
                        funded.add(i.get("title").asText());
                    }
                });
                String c = COLOURS.get(pots.size() % COLOURS.size());
                colour.put(pot.get("potId").asLong(), c);
                pots.add(new BudgetPot(pot.get("name").asText(), pot.get("budget").asLong(), pot.get("spent").asLong(),
                        pot.get("voters").asText(), c, funded));
            }
            var areas = new ArrayList<BudgetArea>();
            Double gini = null;
            if (facts.areaSetId() != null) {
                JsonNode m = money.json(money.compute(facts, null), false);
                for (JsonNode a : m.get("areas")) {
                    areas.add(new BudgetArea(a.get("name").asText(), a.get("euros").asDouble(),
                            a.get("eurosPerResident").isNull() ? null : a.get("eurosPerResident").asDouble(),
                            a.get("voters").asText(), a.get("gotNothing").asBoolean()));
                }
                gini = m.get("gini").isNull() ? null : m.get("gini").asDouble();
            }
            votes.add(new BudgetVote(facts.title(), facts.rule().wireName(), pots, areas, gini, map(id, colour)));
        }
        return votes;
    }

    /** The map as SVG in the project's metric CRS (y negated, as ST_AsSVG writes it); titles escaped. */
    private String map(long voteId, java.util.Map<Long, String> colour) {
        var rows = jdbi.withHandle(h -> h.createQuery(MAP).bind("vote", voteId).mapToMap().list());
        if (rows.isEmpty()) {
            return "";
        }
        var outline = rows.get(0);
        double minX = ((Number) outline.get("min_x")).doubleValue();
        double minY = ((Number) outline.get("min_y")).doubleValue();
        double w = ((Number) outline.get("max_x")).doubleValue() - minX;
        double ht = ((Number) outline.get("max_y")).doubleValue() - minY;
        double pad = Math.max(w, ht) * 0.05;
        double r = Math.max(w, ht) * 0.012;
        var svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"budget-map\" viewBox=\"")
                .append(minX - pad).append(' ').append(-(minY + ht) - pad).append(' ').append(w + 2 * pad).append(' ')
                .append(ht + 2 * pad).append("\" preserveAspectRatio=\"xMidYMid meet\">");
        for (var row : rows) {
            String kind = (String) row.get("kind");
            String path = (String) row.get("path");
            int dim = ((Number) row.get("dim")).intValue();
            String title = row.get("title") == null ? null : Markup.escape((String) row.get("title"));
            switch (kind) {
                case "outline" -> svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#333\" ")
                        .append("stroke-width=\"2\" vector-effect=\"non-scaling-stroke\"/>");
                case "area" -> svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#999\" ")
                        .append("stroke-width=\"1\" vector-effect=\"non-scaling-stroke\"><title>").append(title)
                        .append("</title></path>");
                default -> {
                    String c = colour.getOrDefault(((Number) row.get("pot")).longValue(), "#000");
                    if (dim == 0) {
                        svg.append("<circle ").append(path).append(" r=\"").append(r).append("\" fill=\"").append(c)
                                .append("\">");
                    } else {
                        svg.append("<path d=\"").append(path).append("\" stroke=\"").append(c)
                                .append("\" stroke-width=\"4\" vector-effect=\"non-scaling-stroke\" fill=\"")
                                .append(dim == 2 ? c + "\" fill-opacity=\"0.5\"" : "none\"").append('>');
                    }
                    svg.append("<title>").append(title).append("</title>").append(dim == 0 ? "</circle>" : "</path>");
                }
            }
        }
        return svg.append("</svg>").toString();
    }
}
