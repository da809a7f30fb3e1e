package nl.plein.participation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import nl.plein.analysis.SmallCounts;
import nl.plein.analysis.SmallCounts.Hidden;
import nl.plein.http.Json;
import nl.plein.participation.Participation.AreaResult;
import nl.plein.participation.ParticipationAnalysis.Figures;
import nl.plein.participation.ParticipationAnalysis.Parameters;
import nl.plein.participation.ParticipationAnalysis.View;
import nl.plein.participation.ParticipationStore.AreaRow;
import nl.plein.participation.ParticipationStore.Counts;
import nl.plein.participation.ParticipationStore.Distances;
import nl.plein.participation.ParticipationStore.Week;
import nl.plein.participation.PublicParticipation.PublicArea;

/**
 * The participation view as JSON, in one of two forms. The raw form (planners' dashboard only) has
 * exact counts as numbers, the confidence bounds and the Lorenz curve. The public form (everyone
 * else, and every export) follows the small-count rule: counts as text ("0", "&lt;5", rounded to 5,
 * "x" where a second cell is hidden), rates and ratios from the rounded counts, no bounds, no
 * Lorenz points, no home → proposal pairs below the threshold. Statistics are computed on raw data
 * in both forms.
 */
final class ParticipationReport {
    private final SmallCounts smallCounts;

    ParticipationReport(SmallCounts smallCounts) {
        this.smallCounts = smallCounts;
    }

    /** The view of the figures asked for with these parameters, raw or public as {@code parameters.view()} says. */
    ObjectNode build(Parameters parameters, Figures figures) {
        long projectId = parameters.projectId();
        Counts counts = figures.counts();
        var result = figures.result();
        LocalDate from = parameters.from();
        LocalDate to = parameters.to();
        boolean raw = parameters.view() == View.RAW;
        var published = raw ? null : PublicParticipation.publish(smallCounts, result);
        var json = Json.MAPPER.createObjectNode();
        json.put("projectId", projectId);
        json.put("view", raw ? "raw" : "public");
        json.put("threshold", smallCounts.threshold());
        json.put("from", from == null ? null : from.toString());
        json.put("to", to == null ? null : to.toString());
        var set = json.putObject("areaSet");
        set.put("id", counts.set().id());
        set.put("name", counts.set().name());
        set.put("year", counts.set().year());
        set.put("level", counts.set().level());
        set.put("metricSrid", counts.set().metricSrid());
        json.put("method", method(counts, from, to, raw));

        var t = counts.totals();
        var totals = json.putObject("totals");
        if (raw) {
            totals.put("participants", result.participants());
            totals.put("participantsAllAreas", result.participantsAllAreas());
            totals.put("participantsWithoutArea", t.peopleWithoutArea());
            totals.put("population", result.population());
            totals.put("ratePer1000", result.ratePer1000());
        } else {
            totals.put("participants", published.participants());
            totals.put("participantsAllAreas", published.participantsAllAreas());
            totals.put("participantsWithoutArea", smallCounts.show(t.peopleWithoutArea()));
            totals.put("population", result.population());
            totals.put("ratePer1000", published.ratePer1000());
        }
        totals.put("gini", result.gini());
        totals.put("hoover", result.hoover());
        count(totals, "proposals", t.proposals(), Hidden.NO, raw);
        count(totals, "variants", t.variants(), Hidden.NO, raw);
        count(totals, "comments", t.comments(), Hidden.NO, raw);
        count(totals, "supports", t.supports(), Hidden.NO, raw);

        areas(json.putArray("areas"), counts.areas(), result, raw ? null : published.areas(), t);

        var lorenz = json.putArray("lorenz");
        if (raw) {
            result.lorenz().forEach(p -> lorenz.addObject().put("population", p.population())
                    .put("participants", p.participants()));
        }
        flows(json.putArray("flows"), counts, raw);
        var flowSummary = json.putObject("flowSummary");
        flowSummary.put("pairs", counts.flowPairs());
        flowSummary.put("listed", json.get("flows").size());
        flowSummary.put("maxListed", ParticipationStore.MAX_FLOWS);
        count(flowSummary, "proposalsInHomeArea", counts.proposalsInHomeArea(), Hidden.NO, raw);
        distances(json.putObject("distances"), counts.distances(), raw);
        weekly(json.putArray("weekly"), counts.weekly(), t, raw);
        return json;
    }

    /** @param published the public form of the areas, or null for the raw view */
    private void areas(ArrayNode out, List<AreaRow> rows, Participation.Result result, List<PublicArea> published,
            ParticipationStore.Totals totals) {
        boolean raw = published == null;
        Map<String, List<Hidden>> activityHidden = new HashMap<>();
        if (!raw) {
            activityHidden.put("proposals", smallCounts.hide(column(rows, AreaRow::proposals), totals.proposals()));
            activityHidden.put("variants", smallCounts.hide(column(rows, AreaRow::variants), totals.variants()));
            activityHidden.put("comments", smallCounts.hide(column(rows, AreaRow::comments), totals.comments()));
            activityHidden.put("supports", smallCounts.hide(column(rows, AreaRow::supports), totals.supports()));
        }
        for (int i = 0; i < rows.size(); i++) {
            AreaRow row = rows.get(i);
            AreaResult a = result.areas().get(i);
            var area = out.addObject();
            area.put("areaId", row.id());
            area.put("code", row.code());
            area.put("name", row.name());
            area.put("population", row.population());
            area.put("populationKnown", a.populationKnown());
            if (raw) {
                area.put("participants", a.participants());
                area.put("hidden", Hidden.NO.name());
                area.put("ratePer1000", a.ratePer1000());
                area.put("ratio", a.ratio());
                area.put("ratioLower", a.ratioLower());
                area.put("ratioUpper", a.ratioUpper());
            } else {
                PublicArea p = published.get(i);
                area.put("participants", p.participants());
                area.put("hidden", p.hidden().name());
                area.put("ratePer1000", p.ratePer1000());
                area.put("ratio", p.ratio());
                area.putNull("ratioLower");
                area.putNull("ratioUpper");
            }
            area.put("representation", a.representation().name());
            count(area, "proposals", row.proposals(), hidden(activityHidden, "proposals", i), raw);
            count(area, "variants", row.variants(), hidden(activityHidden, "variants", i), raw);
            count(area, "comments", row.comments(), hidden(activityHidden, "comments", i), raw);
            count(area, "supports", row.supports(), hidden(activityHidden, "supports", i), raw);
        }
    }

    private void flows(ArrayNode out, Counts counts, boolean raw) {
        var names = new HashMap<Long, String>();
        counts.areas().forEach(a -> names.put(a.id(), a.name()));
        for (var f : counts.flows()) {
            // A pair below the threshold is not listed at all in public: with the proposals' authors on
            // the map, "someone from A proposed in B" could tell where a named person lives.
            if (!raw && f.proposals() < smallCounts.threshold()) {
                continue;
            }
            var flow = out.addObject();
            flow.put("homeAreaId", f.homeAreaId());
            flow.put("homeName", names.get(f.homeAreaId()));
            flow.put("proposalAreaId", f.proposalAreaId());
            flow.put("proposalName", names.get(f.proposalAreaId()));
            count(flow, "proposals", f.proposals(), Hidden.NO, raw);
        }
    }

    private void distances(ObjectNode out, Distances d, boolean raw) {
        count(out, "proposals", d.proposals(), Hidden.NO, raw);
        // Quantiles of fewer distances than the threshold come close to single people's distances.
        boolean show = raw || d.proposals() >= smallCounts.threshold();
        out.put("meanMetres", show ? d.mean() : null);
        out.put("p25Metres", show ? d.p25() : null);
        out.put("medianMetres", show ? d.median() : null);
        out.put("p75Metres", show ? d.p75() : null);
        out.put("p90Metres", show ? d.p90() : null);
        var hidden = raw ? null : smallCounts.hide(d.bins(), d.proposals());
        var bins = out.putArray("bins");
        for (int i = 0; i < d.bins().size(); i++) {
            var bin = bins.addObject();
            bin.put("fromMetres", Distances.EDGES.get(i));
            bin.put("toMetres", i + 1 < Distances.EDGES.size() ? Distances.EDGES.get(i + 1) : null);
            count(bin, "proposals", d.bins().get(i), raw ? Hidden.NO : hidden.get(i), raw);
        }
    }

    private void weekly(ArrayNode out, List<Week> weeks, ParticipationStore.Totals totals, boolean raw) {
        Map<String, List<Hidden>> hidden = new HashMap<>();
        if (!raw) {
            // People active in a week do not add up to anything shown (one person may be active in many
            // weeks); newcomers add up to all participants, and contributions to their totals.
            hidden.put("newParticipants", smallCounts.hide(column(weeks, Week::newParticipants), totals.people()));
            hidden.put("proposals", smallCounts.hide(column(weeks, Week::proposals), totals.proposals()));
            hidden.put("variants", smallCounts.hide(column(weeks, Week::variants), totals.variants()));
            hidden.put("comments", smallCounts.hide(column(weeks, Week::comments), totals.comments()));
            hidden.put("supports", smallCounts.hide(column(weeks, Week::supports), totals.supports()));
        }
        for (int i = 0; i < weeks.size(); i++) {
            Week w = weeks.get(i);
            var week = out.addObject();
            week.put("weekStart", w.weekStart().toString());
            week.put("week", w.week());
            count(week, "participants", w.participants(), hidden(hidden, "participants", i), raw);
            count(week, "newParticipants", w.newParticipants(), hidden(hidden, "newParticipants", i), raw);
            count(week, "proposals", w.proposals(), hidden(hidden, "proposals", i), raw);
            count(week, "variants", w.variants(), hidden(hidden, "variants", i), raw);
            count(week, "comments", w.comments(), hidden(hidden, "comments", i), raw);
            count(week, "supports", w.supports(), hidden(hidden, "supports", i), raw);
        }
    }

    private static Hidden hidden(Map<String, List<Hidden>> hidden, String column, int index) {
        var cells = hidden.get(column);
        return cells == null ? Hidden.NO : cells.get(index);
    }

    private static <T> List<Long> column(List<T> rows, ToLongFunction<T> value) {
        var cells = new ArrayList<Long>(rows.size());
        rows.forEach(r -> cells.add(value.applyAsLong(r)));
        return cells;
    }

    /** A count: a number in the raw view, text under the small-count rule in the public one. */
    private void count(ObjectNode node, String name, long value, Hidden hidden, boolean raw) {
        if (raw) {
            node.put(name, value);
        } else {
            node.put(name, smallCounts.show(value, hidden));
        }
    }

    String method(Counts counts, LocalDate from, LocalDate to, boolean raw) {
        var set = counts.set();
        var text = new StringBuilder();
        text.append("Boundary set '").append(set.name()).append("'");
        if (set.year() != null) {
            text.append(" (").append(set.year()).append(")");
        }
        text.append(", level ").append(set.level()).append("; population as that set gives it")
                .append(set.year() == null ? " (year not recorded)" : " (" + set.year() + ")")
                .append(". Counted: ")
                .append(from == null && to == null ? "the whole project"
                        : "from " + (from == null ? "the start" : from) + " to " + (to == null ? "today" : to)
                                + " inclusive")
                .append(". Participants are distinct people who proposed, offered a variant, commented or"
                        + " supported in the project, hidden and withdrawn contributions included (a support"
                        + " taken back no longer counts), counted by"
                        + " their self-declared home neighbourhood (a home area from another boundary set is"
                        + " counted in the area of this set that covers a point inside it). Activity is"
                        + " counted where it lies: proposals and variants by their drawing, pinned comments by"
                        + " their pin, other comments and supports by their proposal. Flows count proposals by"
                        + " home area and proposal area. Distances are planar, in EPSG:")
                .append(set.metricSrid())
                .append(", from the home area's centroid to a point on each proposal (ST_PointOnSurface)."
                        + " Weeks start on Monday. ")
                .append(Participation.METHOD);
        if (!raw) {
            text.append(' ').append(smallCounts.describe()).append(" Home-to-proposal pairs with fewer than ")
                    .append(smallCounts.threshold()).append(" proposals are left out.");
        }
        return text.toString();
    }
}
