package nl.plein.gisdata.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.plein.gisdata.demo.DemoDataset.Decision;
import nl.plein.gisdata.demo.DemoDataset.ModerationEntry;
import nl.plein.gisdata.demo.DemoDataset.StageDates;

/**
 * What happened to each proposal after it was drawn: publication, the planner's decisions as the
 * project moved through its stages, and the odd one a moderator had to hide. Every status change
 * gets a decision row with a public reason, so the history shown in the app adds up.
 */
final class HistoryGenerator {

    /** Proposals still waiting for the moderator in the pre-moderated project. */
    private static final int WAITING = 5;

    /** Final-status shares per project stage; realised only once carrying out has started. */
    private static final Map<String, double[]> STATUS_SHARES = Map.of(
            "think", new double[] {0.86, 0.10, 0, 0.04, 0},
            "decide", new double[] {0.45, 0.30, 0.13, 0.12, 0},
            "carry_out", new double[] {0.18, 0.07, 0.38, 0.20, 0.17},
            "learn", new double[] {0.10, 0, 0.15, 0.30, 0.45});
    private static final String[] FINAL = {"published", "under_consideration", "accepted", "rejected", "realised"};

    private final Rng rng;
    private final List<Decision> decisions = new ArrayList<>();
    private final List<ModerationEntry> moderation = new ArrayList<>();

    HistoryGenerator(Rng rng) {
        this.rng = rng;
    }

    List<Decision> decisions() {
        return decisions;
    }

    List<ModerationEntry> moderation() {
        return moderation;
    }

    /** Fills in status, publication and popularity of the drafts (in submission order). */
    void generate(List<Draft> drafts) {
        List<Integer> waiting = lastOfPremoderated(drafts);
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            // As in the server: the author's submission is the first step of every history.
            decide(i, d, null, "submitted", Phrases.SUBMITTED.in(d.english), d.author, d.createdAt);
            if (waiting.contains(i)) {
                d.popularity = 0; // nobody can see it yet
                continue;
            }
            String target = FINAL[rng.pickWeighted(STATUS_SHARES.get(d.plan.project().stage()))];
            history(i, d, target);
            double appeal = switch (target) {
                case "accepted", "realised" -> 1.8;
                case "under_consideration" -> 1.4;
                case "rejected" -> 0.7;
                default -> 1.0;
            };
            d.popularity = rng.logNormal(1.0) * appeal;
        }
        hideSome(drafts);
    }

    private List<Integer> lastOfPremoderated(List<Draft> drafts) {
        List<Integer> waiting = new ArrayList<>();
        for (int i = drafts.size() - 1; i >= 0 && waiting.size() < WAITING; i--) {
            if (drafts.get(i).plan.project().premoderation()) {
                waiting.add(i);
            }
        }
        return waiting;
    }

    private void history(int index, Draft d, String target) {
        boolean premoderated = d.plan.project().premoderation();
        // With pre-moderation a moderator publishes; without, submitting publishes at once and the
        // server records that step in the author's name (the same convention is used here).
        if (premoderated) {
            decide(index, d, "submitted", "published", Phrases.PUBLISHED.in(d.english), PeopleGenerator.MODERATOR,
                    Timeline.after(rng, d.createdAt, 2, 40));
        } else {
            decide(index, d, "submitted", "published", Phrases.PUBLISHED_ON_SUBMISSION.in(d.english), d.author,
                    d.createdAt);
        }
        d.publishedAt = d.updatedAt;
        d.status = "published";
        if (target.equals("published")) {
            return;
        }
        StageDates think = d.plan.stage("think");
        StageDates decide = d.plan.stage("decide");
        StageDates carryOut = d.plan.stage("carry_out");
        boolean thinking = d.plan.project().stage().equals("think");

        boolean viaConsideration = !target.equals("rejected") || (!thinking && rng.chance(0.6));
        if (viaConsideration) {
            Instant when = thinking
                    ? Timeline.after(rng, d.updatedAt, 24, 20 * 24)
                    : window(think.endsOn().minusDays(14), decide.startsOn().plusDays(21), d.updatedAt);
            planner(index, d, "under_consideration", rng.pick(Phrases.UNDER_CONSIDERATION), when);
        }
        if (target.equals("under_consideration")) {
            return;
        }
        if (target.equals("rejected")) {
            Instant when = thinking
                    ? Timeline.after(rng, d.updatedAt, 24, 14 * 24)
                    : window(decide.startsOn(), decide.endsOn(), d.updatedAt);
            planner(index, d, "rejected", rng.pick(Phrases.REJECTED), when);
            return;
        }
        planner(index, d, "accepted", rng.pick(Phrases.ACCEPTED),
                window(decide.startsOn(), decide.endsOn(), d.updatedAt));
        if (target.equals("realised")) {
            // Built within the first months of carrying out (or before that stage ends).
            LocalDate soon = carryOut.startsOn().plusDays(150);
            LocalDate end = soon.isBefore(carryOut.endsOn()) ? soon : carryOut.endsOn();
            planner(index, d, "realised", rng.pick(Phrases.REALISED), window(carryOut.startsOn(), end, d.updatedAt));
        }
    }

    /** A moment in the given days, but at least an hour after the previous step. */
    private Instant window(LocalDate from, LocalDate to, Instant previous) {
        Instant notBefore = Timeline.latest(Timeline.startOf(from), previous.plusSeconds(3600));
        return Timeline.between(rng, notBefore, Timeline.endOf(to));
    }

    private void planner(int index, Draft d, String to, Phrases.Bilingual reason, Instant when) {
        decide(index, d, d.status, to, reason.in(d.english), PeopleGenerator.PLANNER, when);
        d.status = to;
    }

    private void decide(int index, Draft d, String from, String to, String reason, int by, Instant when) {
        decisions.add(new Decision(index, from, to, reason, by, when));
        d.updatedAt = when;
    }

    /** A few published proposals broke the house rules; the moderator hid them and said why. */
    private void hideSome(List<Draft> drafts) {
        for (Phrases.Hidden rule : Phrases.HIDDEN_PROPOSALS) {
            for (int tries = 0; tries < 1000; tries++) {
                int i = rng.nextInt(drafts.size());
                Draft d = drafts.get(i);
                if (d.hidden || !d.status.equals("published") || d.publishedAt == null) {
                    continue;
                }
                d.hidden = true;
                d.title = rule.title().in(d.english);
                d.description = rule.body().in(d.english);
                d.popularity *= 0.1;
                Instant at = Timeline.after(rng, d.publishedAt, 1, 20);
                d.updatedAt = Timeline.latest(d.updatedAt, at);
                moderation.add(new ModerationEntry("proposal", i, "hide", rule.reason().in(d.english),
                        PeopleGenerator.MODERATOR, at));
                break;
            }
        }
    }
}
