package nl.plein.participation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import nl.plein.analysis.Analyses;
import nl.plein.participation.Participation.AreaCount;
import nl.plein.participation.ParticipationReport.View;
import nl.plein.participation.ParticipationStore.Counts;

/**
 * Participation as a service, in the shape of the other analyses: typed parameters in (the project,
 * the boundary set, the period and the view), typed figures out ({@link Figures}: the counts read
 * over one snapshot and the {@link Participation.Result} computed from them), and the method text.
 * Routes, OGC collections, exports, reports and slides all ask this one class; it publishes through
 * {@link ParticipationReport}, under the kit's small-count rule ({@link Analyses#smallCounts()}) in
 * the public view, with days counted in the kit's time zone.
 *
 * <p>It does not go through {@link Analyses#run}, and so is neither cached nor held to the analysis
 * time limit, as before: (1) its figures change without the project's analysis version changing:
 * that version (migration V7) goes up when proposals change, while participation also counts
 * variants, comments and supports, follows people's home areas, and is counted in a boundary set
 * that can be loaded after the proposals; a cache keyed by that version would answer with old
 * figures. (2) It reads in two REPEATABLE READ transactions on two connections that share one
 * exported snapshot ({@link ParticipationStore}); the kit's one transaction cannot hold that.
 */
public final class ParticipationAnalysis {
    /**
     * What the figures are asked for.
     *
     * @param setId the boundary set, or null for the newest neighbourhood set
     * @param from  the first day counted, or null for the start; {@code to} the last, or null for today
     * @param view  raw (planners) or public: the public view lists no home → proposal pair below the threshold
     */
    public record Parameters(long projectId, Long setId, LocalDate from, LocalDate to, View view) {
    }

    /** The counts as read and the statistics computed from them, raw: publishing is {@link ParticipationReport}'s. */
    public record Figures(Counts counts, Participation.Result result) {
        static Figures of(Counts counts) {
            return new Figures(counts, Participation.compute(counts.areas().stream()
                    .map(a -> new AreaCount(a.id(), a.code(), a.name(), a.population(), a.participants())).toList()));
        }
    }

    private final ParticipationStore store;
    private final Analyses analyses;
    private final ParticipationReport report;

    public ParticipationAnalysis(ParticipationStore store, Analyses analyses) {
        this.store = store;
        this.analyses = analyses;
        this.report = new ParticipationReport(analyses.smallCounts());
    }

    /** The figures for these parameters, read over one snapshot. */
    public Figures run(Parameters p) {
        long minFlow = p.view() == View.RAW ? 1 : analyses.smallCounts().threshold();
        return Figures.of(store.read(p.projectId(), p.setId(), p.from(), p.to(), analyses.zone(), minFlow));
    }

    /** The method in words for these parameters and figures, with the small-count rule in the public view. */
    public String method(Parameters p, Figures figures) {
        return report.method(figures.counts(), p.from(), p.to(), p.view() == View.RAW);
    }

    /** The participation view as JSON, raw or public as the parameters say. */
    public ObjectNode json(Parameters p) {
        return report.build(p, run(p));
    }
}
