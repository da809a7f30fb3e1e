package nl.plein.works;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.plein.accounts.Role;
import nl.plein.accounts.Viewer;
import nl.plein.db.Jdbis;
import nl.plein.http.Json;
import nl.plein.proposals.ProposalStore;
import nl.plein.proposals.Status;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo town's works, so that a newcomer finds the realisation map filled: three proposals
 * accepted by the planner and carried out, one done (on time), one under construction past its
 * planned end and over budget, one planned. Made through the stores, as a planner would make them
 * through the API, with dates around today.
 */
public final class DemoWorks {
    private static final String CHOICES = Jdbis.sql(DemoWorks.class, "demo-choices.sql");

    private DemoWorks() {
    }

    private record Picked(long project, Long planner, List<Long> proposals) {
    }

    /** Adds the works to freshly loaded demo content; does nothing without a planner or three proposals. */
    public static void seed(Jdbi jdbi, ZoneId zone) {
        var picked = jdbi.withHandle(h -> h.createQuery(CHOICES).map((rs, ctx) -> new Picked(rs.getLong("project"),
                (Long) rs.getObject("planner"), Arrays.asList((Long[]) rs.getArray("proposals").getArray())))
                .findOne()).orElse(null);
        if (picked == null || picked.planner() == null || picked.proposals().size() < 3) {
            return;
        }
        Viewer planner = Viewer.of(picked.planner(), Role.PLANNER, "demo");
        var proposals = new ProposalStore(jdbi);
        for (long id : picked.proposals()) {
            accept(proposals, planner, id);
        }
        var works = new WorkStore(jdbi, zone, Clock.systemUTC());
        LocalDate today = LocalDate.now(zone);
        long done = make(works, picked, 0, planner, "Team Openbare Ruimte", today.minusDays(200), today.minusDays(60), 48_000);
        works.addStep(done, Step.DESIGN, today.minusDays(190), "Ontwerp gemaakt met de buurt; twee avonden in het buurthuis.", planner);
        works.addStep(done, Step.TENDER, today.minusDays(150), "Aanbesteed; drie aannemers schreven in.", planner);
        works.addStep(done, Step.CONSTRUCTION, today.minusDays(120), "De aannemer is begonnen.", planner);
        works.addStep(done, Step.DONE, today.minusDays(70), "Opgeleverd en open voor iedereen.", planner);
        works.update(done, spending(45_500), planner, (project, geometry) -> { });
        long late = make(works, picked, 1, planner, "Wijkteam Centrum", today.minusDays(120), today.minusDays(10), 30_000);
        works.addStep(late, Step.DESIGN, today.minusDays(110), "Ontwerp klaar.", planner);
        works.addStep(late, Step.CONSTRUCTION, today.minusDays(60), "Werk begonnen; de kabels lagen anders dan gedacht.", planner);
        works.addStep(late, Step.UPDATE, today.minusDays(20), "Vertraging door de kabels: oplevering later dan gepland.", planner);
        works.update(late, spending(33_000), planner, (project, geometry) -> { });
        make(works, picked, 2, planner, "Team Groen", today.plusDays(30), today.plusDays(200), 12_500);
    }

    private static void accept(ProposalStore proposals, Viewer planner, long id) {
        Status status = proposals.visible(planner, id).status();
        if (status == Status.PUBLISHED) {
            proposals.decide(planner, id, Status.UNDER_CONSIDERATION, "Wordt bekeken door de gemeente.");
            status = Status.UNDER_CONSIDERATION;
        }
        if (status == Status.UNDER_CONSIDERATION) {
            proposals.decide(planner, id, Status.ACCEPTED, "Aangenomen: haalbaar en gedragen door de buurt.");
        }
    }

    private static long make(WorkStore works, Picked picked, int index, Viewer planner, String team, LocalDate start,
                             LocalDate end, long budget) {
        var draft = new WorkDraft(picked.proposals().get(index), null, null, null, team, start, end, budget, null,
                Optional.empty());
        String made = works.create(picked.project(), draft, planner);
        return Json.parse(made.getBytes(StandardCharsets.UTF_8)).get("id").asLong();
    }

    private static WorkDraft spending(long spent) {
        return new WorkDraft(null, null, null, null, null, null, null, null, spent, Optional.empty());
    }
}
