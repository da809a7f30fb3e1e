package nl.plein.budgets.results;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import nl.plein.budgets.results.Results.VoteFacts;
import nl.plein.budgets.rules.Pabulib;
import nl.plein.http.ApiError;
import org.jdbi.v3.core.Jdbi;

/**
 * One pot of a counted vote as a Pabulib {@code .pb} file: META (description, budget, vote_type,
 * rule, num_projects, num_votes, currency EUR, …), PROJECTS (cost, votes, name, selected by the
 * vote's rule) and VOTES. Voters carry no identity: their ids are 1, 2, … over an order drawn at
 * random when the file is written, and the only other column is the code of their home area.
 */
public final class PabulibExport {
    private static final String POTS = Results.sql("export-pot.sql");
    private static final String PROJECTS = Results.sql("export-projects.sql");
    private static final String VOTES = Results.sql("export-votes.sql");

    private final Jdbi jdbi;

    public PabulibExport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record File(String name, String text) {
    }

    private record Pot(long id, String name, long budget, String areaCode) {
    }

    public File write(VoteFacts facts, Long askedPot) {
        return jdbi.inTransaction(h -> {
            var pots = h.createQuery(POTS).bind("vote", facts.id()).map((rs, ctx) -> new Pot(rs.getLong("id"),
                    rs.getString("name"), rs.getLong("budget"), rs.getString("area_code"))).list();
            Pot pot;
            if (askedPot == null) {
                if (pots.size() != 1) {
                    throw ApiError.invalid("potId", "this vote has " + pots.size() + " pots; name one");
                }
                pot = pots.get(0);
            } else {
                pot = pots.stream().filter(p -> p.id() == askedPot).findFirst()
                        .orElseThrow(() -> ApiError.invalid("potId", "no pot " + askedPot + " in this vote"));
            }
            var projects = new ArrayList<Pabulib.Project>();
            h.createQuery(PROJECTS).bind("pot", pot.id()).bind("rule", facts.rule().wireName()).map((rs, ctx) -> {
                var other = new LinkedHashMap<String, String>();
                other.put("votes", Long.toString(rs.getLong("votes")));
                return projects.add(new Pabulib.Project(rs.getString("project_id"), BigDecimal.valueOf(rs.getLong("cost")),
                        rs.getString("title"), Optional.of(rs.getBoolean("selected")), other));
            }).list();
            var votes = new ArrayList<Pabulib.Vote>();
            boolean cumulative = facts.ballotType().equals("cumulative");
            h.createQuery(VOTES).bind("vote", facts.id()).bind("pot", pot.id()).map((rs, ctx) -> {
                var other = new LinkedHashMap<String, String>();
                String home = rs.getString("home");
                other.put("home_area", home == null ? "" : home);
                List<String> chosen = List.of((String[]) rs.getArray("projects").getArray());
                List<Integer> points = cumulative ? List.of((Integer[]) rs.getArray("points").getArray()) : List.of();
                return votes.add(new Pabulib.Vote(Integer.toString(votes.size() + 1), chosen, points, other));
            }).list();
            var meta = new LinkedHashMap<String, String>();
            meta.put("description", facts.title() + " – " + pot.name());
            meta.put("country", "Netherlands");
            meta.put("unit", pot.name());
            meta.put("instance", Long.toString(facts.id()));
            meta.put("num_projects", Integer.toString(projects.size()));
            meta.put("num_votes", Integer.toString(votes.size()));
            meta.put("budget", Long.toString(pot.budget()));
            meta.put("vote_type", cumulative ? "cumulative" : "approval");
            meta.put("rule", facts.rule() == nl.plein.budgets.rules.Rule.GREEDY ? "greedy" : "equalshares/add1");
            meta.put("currency", "EUR");
            meta.put("language", "nl");
            meta.put("edition", "plein");
            var out = new StringWriter();
            try {
                Pabulib.write(new Pabulib.Instance(meta, projects, votes), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new File("vote-" + facts.id() + "-pot-" + pot.id() + ".pb", out.toString());
        });
    }
}
