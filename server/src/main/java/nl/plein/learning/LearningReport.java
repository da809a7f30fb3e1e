package nl.plein.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import nl.plein.analysis.SmallCounts;
import nl.plein.budgets.results.MoneyMap;
import nl.plein.budgets.results.Results;
import nl.plein.evaluations.Evaluations;
import nl.plein.http.ApiError;
import nl.plein.http.Json;
import nl.plein.participation.ParticipationAnalysis;
import nl.plein.participation.ParticipationAnalysis.Parameters;
import nl.plein.participation.ParticipationAnalysis.View;
import nl.plein.participation.PublicParticipation.PublicResult;
import nl.plein.works.WorkStore;

/**
 * A round's learning report (issue 17), public: who took part against the population (the
 * participation analysis), who voted (the budgets package's turnout per area), where the money and
 * the works went per resident, how the works were carried out and evaluated, the lessons learned,
 * and the comparison with the earlier rounds of its series. One boundary set for every part: the one
 * participation counts in. Every count of people is in its public form (server/METHODS.md §9); the
 * screen and the printable page are both written from {@link #json}.
 */
public final class LearningReport {
    private static final String PROJECT = RoundStore.sql("project.sql");
    private static final String MONEY = RoundStore.sql("money-per-area.sql");
    private static final String MONEY_TOTAL = RoundStore.sql("money-total.sql");
    private static final String VOTES = RoundStore.sql("votes.sql");
    private static final String ANY_SET = RoundStore.sql("any-area-set.sql");

    private final ParticipationAnalysis participation;
    private final RoundStore rounds;
    private final Results results;
    private final MoneyMap moneyMap;
    private final Realisation realisation;
    private final SmallCounts rule;

    public LearningReport(ParticipationAnalysis participation, RoundStore rounds, WorkStore works,
            Evaluations evaluations, SmallCounts rule) {
        var jdbi = rounds.jdbi();
        this.participation = participation;
        this.rounds = rounds;
        this.results = new Results(jdbi);
        this.moneyMap = new MoneyMap(jdbi, rule);
        this.realisation = new Realisation(works, evaluations, rule);
        this.rule = rule;
    }

    /** The whole report of project {@code projectId} as JSON; a missing project is a 404. */
    public ObjectNode json(long projectId) {
        var out = Json.MAPPER.createObjectNode();
        rounds.jdbi().useHandle(h -> h.createQuery(PROJECT).bind("project", projectId)
                .map((rs, ctx) -> out.put("projectId", rs.getLong("id")).put("title", rs.getString("title"))
                        .put("stage", rs.getString("stage")))
                .findOne().orElseThrow(() -> ApiError.notFound("Project " + projectId)));
        var series = rounds.seriesOfProject(projectId);
        out.set("series", series.map(LearningReport::tree).orElse(null));
        out.put("threshold", rule.threshold());
        out.set("realisation", realisation.json(projectId));
        out.set("lessons", tree(rounds.lessons(projectId)));
        if (rounds.jdbi().withHandle(h -> h.createQuery(ANY_SET).mapTo(Boolean.class).one())) {
            byArea(out, projectId);
        } else {
            // Nothing can be counted per area before a boundary set is loaded: the parts by area say so.
            out.putNull("areaSet");
            out.putNull("participation");
            out.putNull("turnout");
            out.set("money", money(projectId, null));
            out.putNull("comparison");
        }
        out.put("method", "Participation, turnout, money per resident, realisation, evaluations and the comparison "
                + "of rounds as defined in server/METHODS.md §14. " + rule.describe());
        return out;
    }

    /** The parts counted per area, in the boundary set participation is counted in. */
    private void byArea(ObjectNode out, long projectId) {
        var figures = participation.run(Parameters.whole(projectId, null, View.PUBLIC));
        var set = figures.counts().set();
        out.putObject("areaSet").put("id", set.id()).put("name", set.name()).put("year", set.year());
        PublicResult now = participation.published(figures);
        out.set("participation", participation(now));
        out.set("turnout", turnout(projectId, set.id()));
        out.set("money", money(projectId, set.id()));
        var earlier = new ArrayList<RoundComparison.Earlier>();
        for (var round : rounds.roundsBefore(projectId)) {
            var then = participation.run(Parameters.whole(round.projectId(), set.id(), View.PUBLIC));
            earlier.add(new RoundComparison.Earlier(round, participation.published(then)));
        }
        out.set("comparison", earlier.isEmpty() ? null : RoundComparison.json(earlier, now));
    }

    private static ObjectNode participation(PublicResult r) {
        var out = Json.MAPPER.createObjectNode();
        out.put("participants", r.participants()).put("population", r.population());
        number(out, "ratePer1000", r.ratePer1000());
        var areas = out.putArray("areas");
        for (var a : r.areas()) {
            var node = areas.addObject().put("areaId", a.areaId()).put("code", a.code()).put("name", a.name());
            population(node, a.populationKnown() ? a.population() : null);
            node.put("participants", a.participants());
            number(node, "ratePer1000", a.ratePer1000());
            number(node, "ratio", a.ratio());
            node.put("representation", a.representation().name().toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    /** Turnout per area for each budget vote that has closed, from the budgets package's "where the money goes". */
    private ObjectNode turnout(long projectId, long setId) {
        var out = Json.MAPPER.createObjectNode();
        var votes = out.putArray("votes");
        var ids = rounds.jdbi().withHandle(h -> h.createQuery(VOTES).bind("project", projectId).mapTo(Long.class)
                .list());
        for (long id : ids) {
            var facts = results.counted(id);
            JsonNode money = moneyMap.json(moneyMap.compute(facts, setId), false);
            var vote = votes.addObject().put("voteId", id).put("title", facts.title())
                    .put("voters", money.get("totals").get("votersInAreas").asText());
            var areas = vote.putArray("areas");
            for (JsonNode a : money.get("areas")) {
                var node = areas.addObject().put("areaId", a.get("areaId").asLong()).put("name", a.get("name").asText());
                population(node, a.get("population").isNull() ? null : a.get("population").asLong());
                node.set("voters", a.get("voters"));
                node.set("ratio", a.get("ratio"));
            }
        }
        return out;
    }

    /** Money per area of the set; with no set (null), only the total, all of it in no area. */
    private ObjectNode money(long projectId, Long setId) {
        var out = Json.MAPPER.createObjectNode();
        var areas = out.putArray("areas");
        double[] located = new double[1];
        if (setId != null) {
            rounds.jdbi().useHandle(h -> h.createQuery(MONEY).bind("project", projectId).bind("set", setId)
                    .map((rs, ctx) -> {
                        Long population = (Long) rs.getObject("population", Long.class);
                        boolean known = population != null && population > 0;
                        double euros = rs.getDouble("euros");
                        located[0] += euros;
                        var node = areas.addObject().put("areaId", rs.getLong("area_id")).put("code", rs.getString("code"))
                                .put("name", rs.getString("name")).put("works", rs.getLong("works"))
                                .put("items", rs.getLong("items")).put("euros", Math.round(euros));
                        population(node, known ? population : null);
                        number(node, "eurosPerResident", known ? Math.round(euros / population * 100) / 100.0 : null);
                        return node;
                    }).list());
        }
        long total = rounds.jdbi().withHandle(h -> h.createQuery(MONEY_TOTAL).bind("project", projectId)
                .mapTo(Long.class).one());
        out.put("euros", total).put("eurosInAreas", Math.round(located[0]))
                .put("eurosInNoArea", Math.max(0, total - Math.round(located[0])));
        return out;
    }

    private static void population(ObjectNode node, Long population) {
        if (population == null) {
            node.putNull("population");
        } else {
            node.put("population", population);
        }
    }

    private static JsonNode tree(String json) {
        return Json.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void number(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
