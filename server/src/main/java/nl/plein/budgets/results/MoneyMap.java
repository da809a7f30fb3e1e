package nl.plein.budgets.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.plein.analysis.SmallCounts;
import nl.plein.analysis.SmallCounts.Hidden;
import nl.plein.budgets.results.Results.VoteFacts;
import nl.plein.budgets.rules.Rule;
import nl.plein.http.ApiError;
import nl.plein.http.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Where the money goes (server/METHODS.md §12 "Where the money goes", with §8 and §9): per area of
 * a boundary set, the euros of funded items located there and per resident, the area's share of
 * voters against its share of population, the population-weighted Gini of euros per resident across
 * areas, and the areas whose voters chose something and got nothing funded in or next to them.
 */
public final class MoneyMap {
    private static final String AREA_EUROS = Results.sql("area-euros.sql");
    private static final String AREA_VOTERS = Results.sql("area-voters.sql");
    private static final String NEIGHBOURS = Results.sql("area-neighbours.sql");
    private static final String SET_EXISTS = Results.sql("area-set-exists.sql");

    /** The euros each rule funds in one area of a set. */
    public record AreaEuros(long areaId, String code, String name, Long population, double greedy, double equalShares) {
        public double euros(Rule rule) {
            return rule == Rule.GREEDY ? greedy : equalShares;
        }
    }

    /** One area's raw figures (planners see these; the public sees {@link #json} under the small-count rule). */
    public record Area(long areaId, String code, String name, Long population, double euros, Double eurosPerResident,
            long voters, long choosing, boolean gotNothing) {
        boolean populationKnown() {
            return population != null && population > 0;
        }
    }

    public record Money(long voteId, Rule rule, long setId, List<Area> areas, long votersInAreas, Double gini) {
    }

    private final Jdbi jdbi;
    private final SmallCounts smallCounts;

    public MoneyMap(Jdbi jdbi, SmallCounts smallCounts) {
        this.jdbi = jdbi;
        this.smallCounts = smallCounts;
    }

    /** The area set to use: the one asked for, else the vote's own; a vote without one needs it asked. */
    static long setId(Handle h, VoteFacts facts, Long asked) {
        if (asked == null) {
            if (facts.areaSetId() == null) {
                throw ApiError.invalid("areaSetId", "this vote has no pots per area; name a boundary set");
            }
            return facts.areaSetId();
        }
        if (!h.createQuery(SET_EXISTS).bind("set", asked).mapTo(Boolean.class).one()) {
            throw ApiError.invalid("areaSetId", "no boundary set " + asked);
        }
        return asked;
    }

    static List<AreaEuros> areaEuros(Handle h, long voteId, long setId) {
        return h.createQuery(AREA_EUROS).bind("vote", voteId).bind("set", setId)
                .map((rs, ctx) -> new AreaEuros(rs.getLong("area_id"), rs.getString("code"), rs.getString("name"),
                        (Long) rs.getObject("population", Long.class), rs.getDouble("greedy"),
                        rs.getDouble("equal_shares")))
                .list();
    }

    /** The raw figures of a counted vote per area of a set, under the vote's rule. */
    public Money compute(VoteFacts facts, Long askedSet) {
        return jdbi.inTransaction(h -> {
            long setId = setId(h, facts, askedSet);
            var euros = areaEuros(h, facts.id(), setId);
            var voters = new HashMap<Long, long[]>();
            h.createQuery(AREA_VOTERS).bind("vote", facts.id()).bind("set", setId).map((rs, ctx) -> {
                long area = rs.getLong("area_id");
                if (!rs.wasNull()) {
                    voters.put(area, new long[] {rs.getLong("voters"), rs.getLong("choosing")});
                }
                return area;
            }).list();
            var neighbours = new HashMap<Long, Set<Long>>();
            h.createQuery(NEIGHBOURS).bind("set", setId).map((rs, ctx) -> neighbours
                    .computeIfAbsent(rs.getLong("area_id"), a -> new HashSet<>()).add(rs.getLong("neighbour_id")))
                    .list();
            var fundedIn = new HashMap<Long, Double>();
            euros.forEach(a -> fundedIn.put(a.areaId(), a.euros(facts.rule())));
            var areas = new ArrayList<Area>();
            long inAreas = 0;
            for (var a : euros) {
                long[] v = voters.getOrDefault(a.areaId(), new long[2]);
                inAreas += v[0];
                double near = fundedIn.get(a.areaId());
                for (long n : neighbours.getOrDefault(a.areaId(), Set.of())) {
                    near += fundedIn.getOrDefault(n, 0.0);
                }
                double e = a.euros(facts.rule());
                boolean known = a.population() != null && a.population() > 0;
                areas.add(new Area(a.areaId(), a.code(), a.name(), a.population(), e,
                        known ? e / a.population() : null, v[0], v[1], v[1] > 0 && near == 0));
            }
            return new Money(facts.id(), facts.rule(), setId, List.copyOf(areas), inAreas, gini(areas));
        });
    }

    /**
     * The population-weighted Gini of euros per resident across the areas with a known population
     * (METHODS.md §8's Lorenz form): areas sorted by euros per resident, x the cumulative share of
     * population, y the cumulative share of euros, G = 1 − Σ (x_k − x_{k−1})(y_k + y_{k−1}).
     * Null when those areas got no money at all, or have no residents.
     */
    static Double gini(List<Area> areas) {
        var known = areas.stream().filter(Area::populationKnown)
                .sorted(Comparator.comparingDouble(Area::eurosPerResident).thenComparingLong(Area::areaId)).toList();
        double population = known.stream().mapToDouble(Area::population).sum();
        double euros = known.stream().mapToDouble(Area::euros).sum();
        if (population <= 0 || euros <= 0) {
            return null;
        }
        double sum = 0;
        double x = 0;
        double y = 0;
        for (var a : known) {
            double nx = x + a.population() / population;
            double ny = y + a.euros() / euros;
            sum += (nx - x) * (ny + y);
            x = nx;
            y = ny;
        }
        return 1 - sum;
    }

    /** The figures as JSON: raw for planners, under the small-count rule for everyone else. */
    public ObjectNode json(Money money, boolean raw) {
        var out = Json.MAPPER.createObjectNode();
        out.put("voteId", money.voteId());
        out.put("rule", money.rule().wireName());
        out.putObject("areaSet").put("id", money.setId());
        var cells = money.areas().stream().map(Area::voters).toList();
        var hidden = raw ? null : smallCounts.hide(cells, money.votersInAreas());
        long shownTotal = raw ? money.votersInAreas() : smallCounts.rounded(money.votersInAreas());
        double population = money.areas().stream().filter(Area::populationKnown).mapToDouble(Area::population).sum();
        var array = out.putArray("areas");
        double located = 0;
        for (int i = 0; i < money.areas().size(); i++) {
            var a = money.areas().get(i);
            located += a.euros();
            var node = array.addObject();
            node.put("areaId", a.areaId());
            node.put("code", a.code());
            node.put("name", a.name());
            putNumber(node, "population", a.populationKnown() ? (double) a.population() : null);
            node.put("euros", Math.round(a.euros() * 100) / 100.0);
            putNumber(node, "eurosPerResident", a.eurosPerResident());
            Hidden h = raw ? Hidden.NO : hidden.get(i);
            if (raw) {
                node.put("voters", a.voters());
            } else {
                node.put("voters", smallCounts.show(a.voters(), h));
            }
            long shown = raw ? a.voters() : smallCounts.rounded(a.voters());
            Double voterShare = h == Hidden.NO && shownTotal > 0 ? (double) shown / shownTotal : null;
            Double populationShare = a.populationKnown() && population > 0 ? a.population() / population : null;
            putNumber(node, "voterShare", voterShare);
            putNumber(node, "populationShare", populationShare);
            putNumber(node, "ratio", voterShare != null && populationShare != null ? voterShare / populationShare : null);
            node.put("gotNothing", a.gotNothing());
        }
        var totals = out.putObject("totals");
        totals.put("eurosInAreas", Math.round(located * 100) / 100.0);
        if (raw) {
            totals.put("votersInAreas", money.votersInAreas());
        } else {
            totals.put("votersInAreas", smallCounts.show(money.votersInAreas()));
        }
        putNumber(out, "gini", money.gini());
        out.put("method", method(raw));
        return out;
    }

    private static void putNumber(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private String method(boolean raw) {
        String text = "Euros of the items the vote's rule funds, per area of the boundary set: a line's cost split by "
                + "the share of its length inside each area, a polygon's by the share of its surface (in the "
                + "project's metric CRS), a point's wholly to the area covering it; an item without geometry counts "
                + "in its pot's area, a city-wide one in none. Voters: ballots of every channel by the voter's home "
                + "area. Gini: population-weighted, of euros per resident across areas with a known population. "
                + "Got nothing: voters there chose items, and nothing was funded in the area or an area touching it "
                + "(server/METHODS.md, 'Where the money goes').";
        return raw ? text : text + " " + smallCounts.describe();
    }
}
