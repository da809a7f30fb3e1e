package nl.plein.budgets.results;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import nl.plein.analysis.Counts;
import nl.plein.analysis.SmallCounts.Hidden;
import nl.plein.budgets.results.Results.ItemResult;
import nl.plein.budgets.results.Results.PotResult;
import nl.plein.budgets.results.Results.VoteFacts;
import nl.plein.budgets.rules.Rule;
import nl.plein.http.Json;
import org.jdbi.v3.core.Jdbi;

/**
 * Both rules side by side for a counted vote ("what if"): per pot what each rule spends and the
 * items only one of them funds, and per area of a boundary set the euros each rule funds there,
 * with the areas that gain or lose under Equal Shares against greedy.
 */
public final class WhatIf {
    private final Jdbi jdbi;

    public WhatIf(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Both rules side by side; the tallies of the items only one rule funds as {@code counts} shows them. */
    public ObjectNode json(VoteFacts facts, Long askedSet, Counts counts) {
        return jdbi.inTransaction(h -> {
            var greedy = Results.read(h, facts.id(), Rule.GREEDY);
            var shares = Results.read(h, facts.id(), Rule.EQUAL_SHARES);
            var out = Json.MAPPER.createObjectNode();
            out.put("voteId", facts.id());
            out.put("voteRule", facts.rule().wireName());
            var pots = out.putArray("pots");
            var byPot = new HashMap<Long, PotResult>();
            shares.forEach(p -> byPot.put(p.potId(), p));
            for (var g : greedy) {
                var e = byPot.get(g.potId());
                var pot = pots.addObject();
                pot.put("potId", g.potId());
                pot.put("name", g.name());
                pot.put("budget", g.budget());
                pot.putObject("greedy").put("spent", g.spent()).put("funded", funded(g.items()));
                pot.putObject("equalShares").put("spent", e.spent()).put("funded", funded(e.items()));
                boolean cumulative = Results.cumulative(facts);
                only(pot.putArray("onlyGreedy"), g, e.items(), cumulative, counts, Tallies.hidden(g, facts, counts));
                only(pot.putArray("onlyEqualShares"), e, g.items(), cumulative, counts,
                        Tallies.hidden(e, facts, counts));
            }
            Long setId = askedSet != null || facts.areaSetId() != null ? MoneyMap.setId(h, facts, askedSet) : null;
            if (setId == null) {
                out.putNull("areaSet");
            } else {
                out.putObject("areaSet").put("id", setId);
            }
            var areas = out.putArray("areas");
            if (setId != null) {
                for (var a : MoneyMap.areaEuros(h, facts.id(), setId)) {
                    var node = areas.addObject();
                    node.put("areaId", a.areaId());
                    node.put("code", a.code());
                    node.put("name", a.name());
                    node.put("greedy", cents(a.greedy()));
                    node.put("equalShares", cents(a.equalShares()));
                    double difference = cents(a.equalShares() - a.greedy());
                    node.put("difference", difference);
                    node.put("change", difference > 0 ? "gains" : difference < 0 ? "loses" : "same");
                }
            }
            out.put("method", "Per pot, the items funded by one rule and not the other; per area, the euros each "
                    + "rule funds there (located as in 'Where the money goes'); 'gains' and 'loses' read Equal Shares "
                    + "against greedy. " + Results.method(Rule.GREEDY, facts.ballotType()) + " "
                    + Results.method(Rule.EQUAL_SHARES, facts.ballotType()));
            return out;
        });
    }

    private static long funded(List<ItemResult> items) {
        return items.stream().filter(ItemResult::funded).count();
    }

    private static void only(ArrayNode out, PotResult these, List<ItemResult> others, boolean cumulative,
            Counts counts, List<Hidden> hidden) {
        for (int k = 0; k < these.items().size(); k++) {
            var item = these.items().get(k);
            if (!item.funded()) {
                continue;
            }
            boolean otherFunds = others.stream().anyMatch(o -> o.itemId() == item.itemId() && o.funded());
            if (!otherFunds) {
                var node = out.addObject().put("itemId", item.itemId()).put("title", item.title())
                        .put("cost", item.cost());
                Tallies.put(node, item, cumulative, counts, hidden.get(k));
            }
        }
    }

    private static double cents(double euros) {
        return Math.round(euros * 100) / 100.0;
    }
}
