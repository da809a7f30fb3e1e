package nl.plein.budgets.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import nl.plein.budgets.rules.Election;
import nl.plein.budgets.rules.Pabulib;
import nl.plein.budgets.rules.Rule;
import nl.plein.http.ApiError;
import nl.plein.http.Json;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports a published Pabulib instance as a read-only vote of a project, to replay it: one city-wide
 * pot with the instance's budget, its projects as items without geometry (keeping their Pabulib ids
 * and whether the instance records them as selected), its votes as ballots without identity
 * (channel {@code imported}), counted at once with both rules, all in one transaction. Amounts are
 * kept in the instance's own whole units ({@link Pabulib.Instance#unit()}: cents where it gives cents).
 */
public final class PabulibImport {
    private static final String VOTE = Results.sql("import-vote.sql");
    private static final String POT = Results.sql("import-pot.sql");
    private static final String ITEMS = Results.sql("import-items.sql");
    private static final String BALLOTS = Results.sql("import-ballots.sql");
    private static final int MAX_TITLE = 200;

    private final Jdbi jdbi;

    public PabulibImport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Reads the text; a malformed file is a 400 naming the line (field {@code body}). */
    static Pabulib.Instance read(String text) {
        try {
            return Pabulib.read(new StringReader(text));
        } catch (Pabulib.FormatException e) {
            throw ApiError.invalid("body", e.getMessage());
        } catch (IOException e) {
            throw ApiError.invalid("body", "the file could not be read");
        }
    }

    /** The rule an instance records, as Plein runs it: greedy, or Equal Shares for any equalshares variant. */
    static Rule rule(Pabulib.Instance instance) {
        String recorded = instance.recordedRule().orElse("greedy").toLowerCase(Locale.ROOT);
        return recorded.startsWith("equalshares") || recorded.startsWith("mes") ? Rule.EQUAL_SHARES : Rule.GREEDY;
    }

    /** Imports the instance into the project for the planner; returns the new vote as JSON. */
    public ObjectNode importInstance(long projectId, long accountId, String text) {
        var instance = read(text);
        Election election = election(instance);
        if (election.budget() <= 0) {
            throw ApiError.invalid("body", "META budget must be positive");
        }
        for (var item : election.items()) {
            if (item.cost() <= 0) {
                throw ApiError.invalid("body", "project " + item.id() + " has no positive cost");
            }
        }
        String type = instance.voteType();
        String ballotType = switch (type) {
            case "approval", "choose-1" -> "approval";
            case "cumulative", "scoring", "ordinal" -> "cumulative";
            default -> throw ApiError.invalid("body", "META vote_type '" + type + "' is not one Plein can replay");
        };
        Integer points = null;
        if (ballotType.equals("cumulative")) {
            points = election.ballots().stream().mapToInt(b -> b.points().stream().mapToInt(Integer::intValue).sum())
                    .max().orElse(1);
            points = Math.max(points, 1);
        }
        var meta = Json.MAPPER.createObjectNode();
        instance.meta().forEach(meta::put);
        String title = title(instance);
        Integer ballotPoints = points;
        Rule rule = rule(instance);
        long voteId = jdbi.inTransaction(h -> {
            long vote = h.createQuery(VOTE).bind("project", projectId).bind("title", title)
                    .bind("description", instance.meta().getOrDefault("comment", ""))
                    .bind("ballotType", ballotType).bind("points", ballotPoints).bind("rule", rule.wireName())
                    .bind("meta", Json.write(meta)).bind("account", accountId).mapTo(Long.class).one();
            long pot = h.createQuery(POT).bind("vote", vote).bind("name", "City-wide")
                    .bind("budget", election.budget()).mapTo(Long.class).one();
            var ids = new ArrayList<String>();
            var titles = new ArrayList<String>();
            var costs = new ArrayList<Long>();
            var selected = new ArrayList<String>();
            for (int i = 0; i < instance.projects().size(); i++) {
                var p = instance.projects().get(i);
                ids.add(p.id());
                String name = p.name() == null || p.name().isBlank() ? "Project " + p.id() : p.name().strip();
                titles.add(name.length() > MAX_TITLE ? name.substring(0, MAX_TITLE) : name);
                costs.add(election.items().get(i).cost());
                selected.add(p.selected().map(String::valueOf).orElse(null));
            }
            var itemIds = new HashMap<String, Long>();
            h.createQuery(ITEMS).bind("vote", vote).bind("pot", pot).bindArray("externalIds", String.class, ids)
                    .bindArray("titles", String.class, titles).bindArray("costs", Long.class, costs)
                    .bindArray("selected", String.class, selected)
                    .map((rs, ctx) -> itemIds.put(rs.getString("external_id"), rs.getLong("id"))).list();
            var voters = new ArrayList<Long>();
            var items = new ArrayList<Long>();
            var choicePoints = new ArrayList<Integer>();
            for (int v = 0; v < election.ballots().size(); v++) {
                var ballot = election.ballots().get(v);
                for (int i = 0; i < ballot.itemIds().size(); i++) {
                    voters.add((long) v + 1);
                    items.add(itemIds.get(ballot.itemIds().get(i)));
                    choicePoints.add(ballot.points().get(i));
                }
            }
            h.createUpdate(BALLOTS).bind("vote", vote).bind("count", election.ballots().size())
                    .bindArray("voters", Long.class, voters).bindArray("items", Long.class, items)
                    .bindArray("points", Integer.class, choicePoints).execute();
            Results.countLocked(h, Results.facts(h, vote, true));
            return vote;
        });
        var out = Json.MAPPER.createObjectNode();
        out.put("id", voteId);
        out.put("projectId", projectId);
        out.put("title", title);
        out.put("source", "pabulib");
        out.put("rule", rule.wireName());
        out.put("status", "counted");
        out.put("ballotType", ballotType);
        out.put("budget", election.budget());
        out.put("itemCount", election.items().size());
        out.put("ballotCount", election.ballots().size());
        return out;
    }

    private static Election election(Pabulib.Instance instance) {
        try {
            return instance.election();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ApiError.invalid("body", "the instance cannot be counted: " + e.getMessage());
        }
    }

    private static String title(Pabulib.Instance instance) {
        var meta = instance.meta();
        String described = meta.getOrDefault("description", "").strip();
        if (described.isEmpty()) {
            described = String.join(" ", List.of(meta.getOrDefault("country", ""), meta.getOrDefault("unit", ""),
                    meta.getOrDefault("instance", ""))).strip().replaceAll("\\s+", " ");
        }
        String title = "Pabulib: " + (described.isEmpty() ? "imported instance" : described);
        return title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title;
    }
}
