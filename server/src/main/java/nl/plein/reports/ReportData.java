package nl.plein.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import nl.plein.projects.Stage;
import nl.plein.proposals.Status;
import nl.plein.reports.MapDrawing.Drawing;

/**
 * Everything a printable report shows, in no language: figures as published (counts of people as
 * SmallCounts shows them), maps as drawings, user text as written. Jackson writes and reads it, so
 * a meeting record can keep it and {@link ReportPage#render} gives the same page later in Dutch or
 * English, whatever has changed since. Only public content is in it: no hidden, withdrawn or
 * unpublished proposal, no comment text at all.
 */
public record ReportData(
        long projectId,
        String title,
        String summary,
        Stage currentStage,
        List<StageDates> stages,
        Figures participation,
        List<Drawing> maps,
        List<TopProposal> topProposals,
        List<Decision> decisions,
        Method method,
        Instant generatedAt,
        List<BudgetVote> budgetVotes) {

    public ReportData {
        stages = List.copyOf(stages);
        maps = List.copyOf(maps);
        topProposals = List.copyOf(topProposals);
        decisions = List.copyOf(decisions);
        // A meeting record kept before budget votes existed has none.
        budgetVotes = budgetVotes == null ? List.of() : List.copyOf(budgetVotes);
    }

    /** A stage of the process with its planned dates (either may be null: not planned). */
    public record StageDates(Stage stage, LocalDate startsOn, LocalDate endsOn) {
    }

    /**
     * Participation in its public form: counts as text ("0", "&lt;5", rounded, "x" where a second
     * cell is hidden), rates per 1,000 residents from the rounded counts, Gini and Hoover as published.
     * Null in a report when no boundary set has been loaded.
     */
    public record Figures(String areaSet, Integer areaSetYear, String participants, String participantsAllAreas,
            String participantsWithoutArea, long population, Double ratePer1000, Double gini, Double hoover,
            String proposals, String comments, String supports, List<AreaFigure> areas) {
        public Figures {
            areas = List.copyOf(areas);
        }
    }

    /** One area: participants as shown, and the rate from the rounded count (null when hidden or unknown). */
    public record AreaFigure(String name, Long population, String participants, Double ratePer1000) {
    }

    /** One of the most supported proposals everyone can see. */
    public record TopProposal(long id, String title, Status status, int supports, String category) {
    }

    /** A decision on a proposal everyone can see, with its public reason. */
    public record Decision(long proposalId, String proposalTitle, Status from, Status to, String reason,
            OffsetDateTime decidedAt) {
    }

    /** What the method notes need: the small-count threshold, the CRS and the clustering parameters. */
    public record Method(int threshold, int metricSrid, double clusterEps, int clusterMinPoints) {
    }

    /**
     * A budget vote whose closing time has passed: winners per pot under its rule (voters as shown
     * publicly), where the money goes per area of its boundary set with the Gini of funding (none
     * without pots per area), and the map of funded items as SVG (titles escaped).
     */
    public record BudgetVote(String title, String rule, List<BudgetPot> pots, List<BudgetArea> areas, Double gini,
            String svg) {
        public BudgetVote {
            pots = List.copyOf(pots);
            areas = List.copyOf(areas);
        }
    }

    /** One pot: budget, spent, voters as shown, its colour on the map, and the funded items in funding order. */
    public record BudgetPot(String name, long budget, long spent, String voters, String colour, List<String> funded) {
        public BudgetPot {
            funded = List.copyOf(funded);
        }
    }

    /** One area: euros funded there, per resident (null: unknown population), voters as shown, got nothing. */
    public record BudgetArea(String name, double euros, Double eurosPerResident, String voters, boolean gotNothing) {
    }
}
