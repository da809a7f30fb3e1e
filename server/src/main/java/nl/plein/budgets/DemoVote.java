package nl.plein.budgets;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import nl.plein.budgets.rules.Rule;
import nl.plein.db.Jdbis;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo town's budget vote, so that a newcomer finds one open on the map: a city-wide pot and a
 * pot per buurt, the project's most supported proposals admitted as items (each in the pot of its
 * buurt, by the usual rule), open for four weeks. Made through the stores, as a planner would make
 * it through the API: set up before opening, then opened.
 */
public final class DemoVote {
    private static final String CHOICES = Jdbis.sql(DemoVote.class, "demo-choices.sql");

    private DemoVote() {
    }

    private record Picked(long project, Long planner, Long areaSet, List<Long> proposals) {
    }

    /** Adds the vote to freshly loaded demo content; does nothing without a planner or proposals. */
    public static void seed(Jdbi jdbi) {
        var choices = jdbi.withHandle(h -> h.createQuery(CHOICES).map((rs, ctx) -> new Picked(rs.getLong("project"),
                (Long) rs.getObject("planner"), (Long) rs.getObject("area_set"),
                Arrays.asList((Long[]) rs.getArray("proposals").getArray()))).findOne()).orElse(null);
        if (choices == null || choices.planner() == null || choices.proposals().isEmpty()) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        boolean perBuurt = choices.areaSet() != null;
        var setUp = new VoteInput.Draft(Set.of("title", "description", "ballotType", "rule", "opensAt", "closesAt",
                "cityBudget", "areaSetId", "budgetPerArea"), "Buurtbudget 2027: wat doen we ermee?",
                "Kies de plannen die u het liefst uitgevoerd ziet: in uw eigen buurt en voor de hele stad.",
                BallotType.APPROVAL, 0, null, null, null, Rule.EQUAL_SHARES, now.plus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(28)), new PotPlan(perBuurt ? 150_000 : 400_000, choices.areaSet(), null,
                        perBuurt ? 25_000L : null));
        var votes = new VoteStore(jdbi);
        var items = new ItemStore(jdbi);
        long voteId = votes.create(choices.project(), setUp, choices.planner()).id();
        for (int i = 0; i < choices.proposals().size(); i++) {
            long cost = 2_500 + (i * 3_500L) % 20_000;
            items.add(voteId, new ItemStore.Draft(List.of(choices.proposals().get(i)), null, null, cost,
                    "Haalbaar volgens de eerste toets; kosten geraamd door de gemeente.", null), choices.planner());
        }
        votes.update(voteId, new VoteInput.Draft(Set.of("opensAt"), null, null, null, null, null, null, null, null,
                now, null, null));
    }
}
