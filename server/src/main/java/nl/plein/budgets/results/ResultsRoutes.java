package nl.plein.budgets.results;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import nl.plein.accounts.Access;
import nl.plein.analysis.Counts;
import nl.plein.analysis.SmallCounts;
import nl.plein.budgets.rules.Rule;
import nl.plein.http.GeoJson;
import nl.plein.http.Json;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import org.jdbi.v3.core.Jdbi;

/**
 * A vote's results over HTTP: closing and counting, the results under either rule, both rules side
 * by side, the results map, and where the money goes. Planners see raw counts of voters and raw
 * tallies; everyone else sees them under the small-count rule ({@link Tallies}).
 */
public final class ResultsRoutes {
    private final Results results;
    private final WhatIf whatIf;
    private final MoneyMap money;
    private final SmallCounts smallCounts;
    private final Jdbi jdbi;

    public ResultsRoutes(Jdbi jdbi, SmallCounts smallCounts) {
        this.jdbi = jdbi;
        this.smallCounts = smallCounts;
        this.results = new Results(jdbi);
        this.whatIf = new WhatIf(jdbi);
        this.money = new MoneyMap(jdbi, smallCounts);
    }

    public Results results() {
        return results;
    }

    private static long voteId(Context ctx) {
        return Requests.pathId(ctx, "id", "Vote");
    }

    private static boolean raw(Context ctx) {
        return Access.viewer(ctx).role().plans();
    }

    private static void json(Context ctx, Object body) {
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType("application/json").result(Json.write(body));
    }

    /** POST /api/votes/{id}/close: closes an open vote now and counts it; answers with its results. */
    public void close(Context ctx) {
        Query.of(ctx);
        long id = voteId(ctx);
        results.close(id);
        var facts = results.facts(id);
        json(ctx, results.json(facts, facts.rule(), counts(ctx)));
    }

    private Counts counts(Context ctx) {
        return new Counts(raw(ctx), smallCounts);
    }

    /** GET /api/votes/{id}/results[?rule=]: the results under the vote's rule, or the other one. */
    public void get(Context ctx) {
        var query = Query.of(ctx, "rule");
        var choice = query.choice("rule", Rule.class);
        var facts = results.counted(voteId(ctx));
        Rule rule = choice.orElse(facts.rule());
        json(ctx, results.json(facts, rule, counts(ctx)));
    }

    /** GET /api/votes/{id}/results/compare[?areaSetId=]: both rules side by side. */
    public void compare(Context ctx) {
        var query = Query.of(ctx, "areaSetId");
        Long set = query.id("areaSetId").orElse(null);
        var facts = results.counted(voteId(ctx));
        json(ctx, whatIf.json(facts, set, counts(ctx)));
    }

    /**
     * GET /api/votes/{id}/results/items: the items as GeoJSON with whether each rule funds them. The
     * tallies are shown in Java ({@link Tallies}) and handed to the statement, which writes the rest.
     */
    public void items(Context ctx) {
        Query.of(ctx);
        var facts = results.counted(voteId(ctx));
        var counts = counts(ctx);
        var ids = new ArrayList<Long>();
        var votes = new ArrayList<String>();
        var supporters = new ArrayList<String>();
        for (var pot : results.read(facts.id(), facts.rule())) {
            var hidden = Tallies.hidden(pot, facts, counts);
            for (int k = 0; k < pot.items().size(); k++) {
                var item = pot.items().get(k);
                String[] shown = Tallies.json(item, Results.cumulative(facts), counts, hidden.get(k));
                ids.add(item.itemId());
                votes.add(shown[0]);
                supporters.add(shown[1]);
            }
        }
        List<String> features = jdbi.withHandle(h -> h.createQuery(Results.sql("items.sql"))
                .bind("vote", facts.id()).bindArray("items", Long.class, ids).bindArray("votes", String.class, votes)
                .bindArray("supporters", String.class, supporters).mapTo(String.class).list());
        var out = new StringBuilder("{\"type\":\"FeatureCollection\",\"voteId\":").append(facts.id())
                .append(",\"rule\":\"").append(facts.rule().wireName()).append("\",\"features\":[");
        out.append(String.join(",", features)).append("]}");
        GeoJson.send(ctx, GeoJson.MEDIA_TYPE, out.toString());
    }

    /** GET /api/votes/{id}/money[?areaSetId=]: where the money goes, per area of a boundary set. */
    public void money(Context ctx) {
        var query = Query.of(ctx, "areaSetId");
        Long set = query.id("areaSetId").orElse(null);
        var facts = results.counted(voteId(ctx));
        json(ctx, money.json(money.compute(facts, set), raw(ctx)));
    }
}
