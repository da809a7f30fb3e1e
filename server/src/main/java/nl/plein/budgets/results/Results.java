package nl.plein.budgets.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.plein.analysis.Counts;
import nl.plein.budgets.rules.Election;
import nl.plein.budgets.rules.Outcome;
import nl.plein.budgets.rules.Rule;
import nl.plein.budgets.rules.Rules;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.http.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Counting a vote and keeping its results. When a vote closes (a planner closes it, or the first
 * read after its closing time), every pot's items and ballots are read in two set-based statements,
 * both rules are run on each pot, and every item's votes and funding order under each rule are kept
 * in {@code vote_results}; then {@code counted_at} is set. The vote's row is locked while this
 * happens and {@code counted_at} read again under the lock, so two counts at once count once.
 */
public final class Results {
    private static final String VOTE = sql("vote.sql");
    private static final String CLOSE_NOW = sql("close-now.sql");
    private static final String POT_ITEMS = sql("pot-items.sql");
    private static final String POT_BALLOTS = sql("pot-ballots.sql");
    private static final String KEEP = sql("keep-results.sql");
    private static final String MARK_COUNTED = sql("mark-counted.sql");
    private static final String RESULTS = sql("results.sql");
    private static final String POT_VOTERS = sql("pot-voters.sql");
    private static final String SUPPORTERS = sql("item-supporters.sql");

    /**
     * What counting and the results read of a vote. {@code status}: upcoming, open, closed or counted.
     * {@code oneChoice}: a ballot chooses at most one item per pot, so the items' supporters add up
     * to the pot's voters.
     */
    public record VoteFacts(long id, long projectId, Rule rule, String source, String ballotType, Long areaSetId,
            boolean counted, String status, String title, String pabulibMeta, boolean oneChoice) {
        public boolean closed() {
            return status.equals("closed") || status.equals("counted");
        }
    }

    private final Jdbi jdbi;

    public Results(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    static String sql(String name) {
        return Jdbis.sql(Results.class, name);
    }

    /** The vote's facts; a vote that does not exist is a 404. */
    public VoteFacts facts(long voteId) {
        return jdbi.withHandle(h -> facts(h, voteId, false));
    }

    static VoteFacts facts(Handle h, long voteId, boolean lock) {
        return h.createQuery(VOTE).define("lock", lock ? "FOR UPDATE" : "").bind("vote", voteId)
                .map((rs, ctx) -> new VoteFacts(rs.getLong("id"), rs.getLong("project_id"),
                        Rule.fromWire(rs.getString("rule")), rs.getString("source"), rs.getString("ballot_type"),
                        (Long) rs.getObject("area_set_id", Long.class), rs.getBoolean("counted"),
                        rs.getString("status"), rs.getString("title"), rs.getString("pabulib_meta"),
                        rs.getBoolean("one_choice")))
                .findOne().orElseThrow(() -> ApiError.notFound("Vote " + voteId));
    }

    /**
     * The vote's facts once it is counted: counts it first when it has closed and is not counted yet.
     * A vote still upcoming or open is a 409 naming {@code vote}.
     */
    public VoteFacts counted(long voteId) {
        var facts = facts(voteId);
        if (!facts.closed()) {
            throw ApiError.conflict("vote", "the vote is " + facts.status() + "; its results are known once it closes");
        }
        if (!facts.counted()) {
            count(voteId);
            facts = facts(voteId);
        }
        return facts;
    }

    /**
     * Closes an open vote now and counts it; a closed vote is counted if it was not yet. Refused (409,
     * naming {@code vote}) before the vote opens. Returns true when this call did the counting.
     */
    public boolean close(long voteId) {
        return jdbi.inTransaction(h -> {
            var facts = facts(h, voteId, true);
            if (facts.status().equals("upcoming")) {
                throw ApiError.conflict("vote", "the vote has not opened yet; change its times instead");
            }
            if (facts.status().equals("open")) {
                h.createUpdate(CLOSE_NOW).bind("vote", voteId).execute();
            }
            return countLocked(h, facts);
        });
    }

    /** Counts a closed vote once: under the vote's row lock, doing nothing when it is counted already. */
    public boolean count(long voteId) {
        return jdbi.inTransaction(h -> countLocked(h, facts(h, voteId, true)));
    }

    /** Counts on a handle that already holds the vote's row lock (the Pabulib import, close). */
    static boolean countLocked(Handle h, VoteFacts facts) {
        if (facts.counted()) {
            return false;
        }
        var elections = elections(h, facts.id());
        for (Rule rule : Rule.values()) {
            var pots = new ArrayList<Long>();
            var items = new ArrayList<Long>();
            var votes = new ArrayList<Long>();
            var orders = new ArrayList<Integer>();
            elections.forEach((potId, election) -> {
                Outcome outcome = Rules.run(rule, election);
                var order = new HashMap<String, Integer>();
                for (int i = 0; i < outcome.funded().size(); i++) {
                    order.put(outcome.funded().get(i), i + 1);
                }
                for (var item : election.items()) {
                    pots.add(potId);
                    items.add(Long.parseLong(item.id()));
                    votes.add(outcome.votes().getOrDefault(item.id(), 0L));
                    orders.add(order.get(item.id()));
                }
            });
            h.createUpdate(KEEP).bind("vote", facts.id()).bind("rule", rule.wireName())
                    .bindArray("pots", Long.class, pots).bindArray("items", Long.class, items)
                    .bindArray("votes", Long.class, votes).bindArray("orders", Integer.class, orders).execute();
        }
        h.createUpdate(MARK_COUNTED).bind("vote", facts.id()).execute();
        return true;
    }

    /** Each pot of the vote as an election: its budget, items (ids as text) and ballots (also timed by the benchmark). */
    public static Map<Long, Election> elections(Handle h, long voteId) {
        var budgets = new LinkedHashMap<Long, Long>();
        var items = new LinkedHashMap<Long, List<Election.Item>>();
        h.createQuery(POT_ITEMS).bind("vote", voteId).map((rs, ctx) -> {
            long pot = rs.getLong("pot");
            budgets.put(pot, rs.getLong("budget"));
            var list = items.computeIfAbsent(pot, p -> new ArrayList<>());
            long item = rs.getLong("item");
            if (!rs.wasNull()) {
                list.add(new Election.Item(Long.toString(item), rs.getLong("cost")));
            }
            return pot;
        }).list();
        // pot → ballot → its chosen items and their points, in the pot
        var chosen = new HashMap<Long, HashMap<Long, Choices>>();
        h.createQuery(POT_BALLOTS).bind("vote", voteId).setFetchSize(50_000).map((rs, ctx) -> {
            chosen.computeIfAbsent(rs.getLong(1), p -> new HashMap<>())
                    .computeIfAbsent(rs.getLong(2), b -> new Choices()).add(rs.getLong(3), rs.getInt(4));
            return 0;
        }).forEach(x -> { });
        var ballots = new HashMap<Long, List<Election.Ballot>>();
        chosen.forEach((pot, byBallot) -> {
            var list = new ArrayList<Election.Ballot>(byBallot.size());
            byBallot.values().forEach(c -> list.add(new Election.Ballot(c.items, c.points)));
            ballots.put(pot, list);
        });
        var elections = new LinkedHashMap<Long, Election>();
        budgets.forEach((pot, budget) -> elections.put(pot,
                new Election(budget, items.get(pot), ballots.getOrDefault(pot, List.of()))));
        return elections;
    }

    /** One ballot's choices in one pot, as they are read. */
    private static final class Choices {
        final List<String> items = new ArrayList<>(4);
        final List<Integer> points = new ArrayList<>(4);

        void add(long item, int point) {
            items.add(Long.toString(item));
            points.add(point);
        }
    }

    /**
     * One item of a pot's results, raw: its votes (approvals, or points for cumulative ballots) and
     * its supporters (the ballots that chose it). {@link Tallies} says how a reader sees them.
     */
    public record ItemResult(long itemId, String title, long cost, long votes, long supporters, Integer fundedOrder,
            String externalId, Boolean recordedSelected) {
        public boolean funded() {
            return fundedOrder != null;
        }
    }

    /** One pot's results under one rule. */
    public record PotResult(long potId, String name, long budget, Long areaId, long voters, List<ItemResult> items) {
        public long spent() {
            return items.stream().filter(ItemResult::funded).mapToLong(ItemResult::cost).sum();
        }
    }

    /** The kept results of a counted vote under one rule, pot by pot. */
    public List<PotResult> read(long voteId, Rule rule) {
        return jdbi.withHandle(h -> read(h, voteId, rule));
    }

    static List<PotResult> read(Handle h, long voteId, Rule rule) {
        var voters = new HashMap<Long, Long>();
        h.createQuery(POT_VOTERS).bind("vote", voteId)
                .map((rs, ctx) -> voters.put(rs.getLong("pot"), rs.getLong("voters"))).list();
        var supporters = new HashMap<Long, Long>();
        h.createQuery(SUPPORTERS).bind("vote", voteId)
                .map((rs, ctx) -> supporters.put(rs.getLong("item"), rs.getLong("supporters"))).list();
        var pots = new LinkedHashMap<Long, PotResult>();
        h.createQuery(RESULTS).bind("vote", voteId).bind("rule", rule.wireName()).map((rs, ctx) -> {
            long potId = rs.getLong("pot");
            var pot = pots.computeIfAbsent(potId, p -> {
                try {
                    return new PotResult(p, rs.getString("name"), rs.getLong("budget"),
                            (Long) rs.getObject("area_id", Long.class), voters.getOrDefault(p, 0L), new ArrayList<>());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            long item = rs.getLong("item");
            if (!rs.wasNull()) {
                pot.items().add(new ItemResult(item, rs.getString("title"), rs.getLong("cost"), rs.getLong("votes"),
                        supporters.getOrDefault(item, 0L), (Integer) rs.getObject("funded_order", Integer.class),
                        rs.getString("external_id"), (Boolean) rs.getObject("recorded_selected", Boolean.class)));
            }
            return potId;
        }).list();
        return List.copyOf(pots.values());
    }

    /** The method text of a vote's results: which rule, how ties are broken, and where it is described. */
    public static String method(Rule rule, String ballotType) {
        String votes = ballotType.equals("cumulative") ? "points" : "approvals";
        return switch (rule) {
            case GREEDY -> "Greedy: items by " + votes + ", most first, each funded if its cost still fits what is "
                    + "left of the pot; ties broken as server/METHODS.md 'Participatory budgeting' states. A pot's "
                    + "voters are the ballots that chose at least one of its items.";
            case EQUAL_SHARES -> "Method of Equal Shares with cost satisfaction (each of a pot's voters starts "
                    + "with an equal share of its budget), completed by raising every voter's share one euro at a "
                    + "time while the outcome fits (add1), then greedily by " + votes + "; exact rational "
                    + "arithmetic, ties broken as server/METHODS.md 'Participatory budgeting' states. A pot's "
                    + "voters are the ballots that chose at least one of its items.";
        };
    }

    /**
     * The results as JSON: {@code {"voteId","rule","voteRule","status","pots":[…],"method"}}, with
     * counts of people (voters, and each item's tally) as {@code counts} lets the reader see them.
     */
    public ObjectNode json(VoteFacts facts, Rule rule, Counts counts) {
        var pots = read(facts.id(), rule);
        var out = Json.MAPPER.createObjectNode();
        out.put("voteId", facts.id());
        out.put("rule", rule.wireName());
        out.put("voteRule", facts.rule().wireName());
        out.put("source", facts.source());
        var array = out.putArray("pots");
        for (var pot : pots) {
            var p = array.addObject();
            p.put("potId", pot.potId());
            if (pot.areaId() == null) {
                p.putNull("areaId");
            } else {
                p.put("areaId", pot.areaId());
            }
            p.put("name", pot.name());
            p.put("budget", pot.budget());
            p.put("spent", pot.spent());
            p.put("rule", rule.wireName());
            counts.put(p, "voters", pot.voters());
            var items = p.putArray("items");
            var hidden = Tallies.hidden(pot, facts, counts);
            for (int k = 0; k < pot.items().size(); k++) {
                var item = pot.items().get(k);
                var i = items.addObject();
                i.put("itemId", item.itemId());
                i.put("title", item.title());
                i.put("cost", item.cost());
                Tallies.put(i, item, cumulative(facts), counts, hidden.get(k));
                i.put("funded", item.funded());
                if (item.fundedOrder() == null) {
                    i.putNull("fundedOrder");
                } else {
                    i.put("fundedOrder", item.fundedOrder());
                }
            }
        }
        if (facts.source().equals("pabulib")) {
            out.set("recorded", Recorded.json(pots, facts.pabulibMeta()));
        }
        out.put("method", method(rule, facts.ballotType()));
        return out;
    }

    /** Whether the vote's items are tallied in points rather than in people. */
    static boolean cumulative(VoteFacts facts) {
        return facts.ballotType().equals("cumulative");
    }

    /** The item ids funded by a rule in each pot (for the comparison and the map). */
    static Optional<ItemResult> find(List<ItemResult> items, long itemId) {
        return items.stream().filter(i -> i.itemId() == itemId).findFirst();
    }
}
