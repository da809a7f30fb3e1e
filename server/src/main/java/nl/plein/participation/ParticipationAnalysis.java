package nl.plein.participation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import nl.plein.analysis.Analyses;
import nl.plein.http.Json;
import nl.plein.participation.Participation.AreaCount;
import nl.plein.participation.ParticipationStore.Counts;
import nl.plein.participation.PublicParticipation.PublicResult;

/**
 * Participation as a service, in the shape of the other analyses: typed parameters in (the project,
 * the boundary set, the period and the view), typed figures out ({@link Figures}: the counts read
 * over one snapshot and the {@link Participation.Result} computed from them), and the method text.
 * Routes, OGC collections, exports, reports, maps and Moran's I all ask this one class; it publishes
 * through {@link ParticipationReport}, under the kit's small-count rule ({@link Analyses#smallCounts()})
 * in the public view, with days counted in the kit's time zone.
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
    /** Who the figures are for: planners see them raw, everyone else (and every file) in public form. */
    public enum View { RAW, PUBLIC }

    /**
     * What the figures are asked for.
     *
     * @param setId the boundary set, or null for the newest neighbourhood set
     * @param from  the first day counted, or null for the start; {@code to} the last, or null for today
     * @param view  raw (planners) or public: the public view lists no home → proposal pair below the threshold
     */
    public record Parameters(long projectId, Long setId, LocalDate from, LocalDate to, View view) {
        /** A project's whole run in the set (null: the newest neighbourhood set), in this view. */
        public static Parameters whole(long projectId, Long setId, View view) {
            return new Parameters(projectId, setId, null, null, view);
        }
    }

    /** The counts as read and the statistics computed from them, raw: publishing is {@link ParticipationReport}'s. */
    public record Figures(Counts counts, Participation.Result result) {
        static Figures of(Counts counts) {
            return new Figures(counts, Participation.compute(areaCounts(counts)));
        }
    }

    /**
     * The public figures per area as files and the OGC API give them, over a project's whole run.
     *
     * @param setId  the boundary set they are counted in (the one asked for, or the newest neighbourhood set)
     * @param byArea a JSON object from area id to that area's {@link #exportedProperties public properties}
     */
    public record AreaProperties(long setId, String byArea) {
    }

    private final ParticipationStore store;
    private final Analyses analyses;
    private final ParticipationReport report;
    private final Turnout turnout;

    public ParticipationAnalysis(ParticipationStore store, Analyses analyses) {
        this.store = store;
        this.analyses = analyses;
        this.report = new ParticipationReport(analyses.smallCounts());
        this.turnout = new Turnout(analyses.jdbi(), analyses.smallCounts(), analyses.zone());
    }

    /** The figures for these parameters, read over one snapshot. */
    public Figures run(Parameters p) {
        return Figures.of(counts(p));
    }

    private Counts counts(Parameters p) {
        long minFlow = p.view() == View.RAW ? 1 : analyses.smallCounts().threshold();
        return store.read(p.projectId(), p.setId(), p.from(), p.to(), analyses.zone(), minFlow);
    }

    /** The method in words for these parameters and figures, with the small-count rule in the public view. */
    public String method(Parameters p, Figures figures) {
        return report.method(figures.counts(), p.from(), p.to(), p.view() == View.RAW);
    }

    /** The participation view as JSON, raw or public as the parameters say. */
    public ObjectNode json(Parameters p) {
        var view = report.build(p, run(p));
        turnout.add(view, p);
        return view;
    }

    /** The figures in the form that may leave the server in public views, under the kit's small-count rule. */
    public PublicResult published(Figures figures) {
        return PublicParticipation.publish(analyses.smallCounts(), figures.result());
    }

    /**
     * Per area of the set, its population and the participants who live there, raw and over the
     * project's whole run: what Moran's I of participation is computed on. Only the counts: the
     * statistics of {@link #run} are not computed.
     */
    public List<AreaCount> areaCounts(long projectId, Long setId) {
        return areaCounts(counts(Parameters.whole(projectId, setId, View.RAW)));
    }

    private static List<AreaCount> areaCounts(Counts counts) {
        return counts.areas().stream()
                .map(a -> new AreaCount(a.id(), a.code(), a.name(), a.population(), a.participants())).toList();
    }

    /** The public areas of a project's whole run as exports and the OGC collections write them. */
    public AreaProperties exportedAreas(long projectId, Long setId) {
        var json = json(Parameters.whole(projectId, setId, View.PUBLIC));
        var byArea = Json.MAPPER.createObjectNode();
        json.get("areas").forEach(area -> byArea.set(area.get("areaId").asText(), exportedProperties(area)));
        return new AreaProperties(json.get("areaSet").get("id").asLong(), Json.write(byArea));
    }

    /** An area of the public form as files and the OGC API give it: without the confidence bounds. */
    static ObjectNode exportedProperties(JsonNode publicArea) {
        var properties = ((ObjectNode) publicArea).deepCopy();
        properties.remove(List.of("ratioLower", "ratioUpper"));
        return properties;
    }
}
