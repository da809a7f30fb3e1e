package nl.plein.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.plein.analysis.Selection;
import nl.plein.analysis.SmallCounts;
import nl.plein.clusters.ClusterParameters;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.http.Choices;
import nl.plein.participation.ParticipationAnalysis;
import nl.plein.participation.ParticipationAnalysis.Parameters;
import nl.plein.participation.ParticipationAnalysis.View;
import nl.plein.projects.Stage;
import nl.plein.proposals.Status;
import nl.plein.reports.MapDrawing.ClustersLayer;
import nl.plein.reports.MapDrawing.Layers;
import nl.plein.reports.MapDrawing.ParticipationLayer;
import nl.plein.reports.MapDrawing.ProposalsLayer;
import nl.plein.reports.ReportData.AreaFigure;
import nl.plein.reports.ReportData.Decision;
import nl.plein.reports.ReportData.Figures;
import nl.plein.reports.ReportData.StageDates;
import nl.plein.reports.ReportData.TopProposal;
import org.jdbi.v3.core.Jdbi;

/**
 * Gathers a project's report: the process, participation in its public form (the same figures the
 * public participation view gives, through {@link ParticipationAnalysis}), three maps, the most
 * supported proposals and the decisions with their reasons, all as anyone may see them.
 */
public final class ReportBuilder {
    /** How many of the most supported proposals a report lists. */
    public static final int TOP = 10;

    private static final String PROJECT = Jdbis.sql(ReportBuilder.class, "project.sql");
    /** The report's cluster map: DBSCAN with the project's default eps and minPoints, as the analysis page opens. */
    private static final ClustersLayer DEFAULT_CLUSTERS = new ClustersLayer(null, ClusterParameters.DEFAULT_MIN_POINTS);
    private static final String STAGES = Jdbis.sql(ReportBuilder.class, "stages.sql");
    private static final String ANY_AREA_SET = Jdbis.sql(ReportBuilder.class, "any-area-set.sql");
    private static final String TOP_PROPOSALS = Jdbis.sql(ReportBuilder.class, "top-proposals.sql");
    private static final String DECISIONS = Jdbis.sql(ReportBuilder.class, "decisions.sql");

    private final Jdbi jdbi;
    private final ParticipationAnalysis participation;
    private final MapDrawing maps;
    private final SmallCounts smallCounts;
    private final ZoneId zone;
    private final Clock clock;
    private final BudgetReport budget;

    public ReportBuilder(Jdbi jdbi, ParticipationAnalysis participation, MapDrawing maps,
            SmallCounts smallCounts, ZoneId zone, Clock clock) {
        this.jdbi = jdbi;
        this.participation = participation;
        this.maps = maps;
        this.smallCounts = smallCounts;
        this.zone = zone;
        this.clock = clock;
        this.budget = new BudgetReport(jdbi, smallCounts);
    }

    /** The report of a project as it stands now; an unknown project is a 404. */
    public ReportData build(long projectId) {
        record Project(String title, String summary, Stage stage, int srid) {
        }
        var project = jdbi.withHandle(h -> h.createQuery(PROJECT).bind("project", projectId)
                .map((rs, ctx) -> new Project(rs.getString("title"), rs.getString("summary"),
                        Choices.parse("stage", rs.getString("stage"), Stage.class), rs.getInt("metric_srid")))
                .findOne())
                .orElseThrow(() -> ApiError.notFound("Project " + projectId));
        var figures = figures(projectId);
        Long setId = figures == null ? null : figures.setId();
        var top = jdbi.withHandle(h -> Selection.ALL.bind(h.createQuery(TOP_PROPOSALS), projectId, zone)
                .bind("top", TOP)
                .map((rs, ctx) -> new TopProposal(rs.getLong("id"), rs.getString("title"),
                        status(rs.getString("status")), rs.getInt("support_count"), rs.getString("category")))
                .list());
        var decisions = jdbi.withHandle(h -> Selection.ALL.bind(h.createQuery(DECISIONS), projectId, zone)
                .map((rs, ctx) -> new Decision(rs.getLong("id"), rs.getString("title"),
                        rs.getString("from_status") == null ? null : status(rs.getString("from_status")),
                        status(rs.getString("to_status")), rs.getString("reason"),
                        rs.getObject("decided_at", OffsetDateTime.class)))
                .list());
        return new ReportData(projectId, project.title(), project.summary(), project.stage(), stages(projectId),
                figures == null ? null : figures.figures(), drawings(projectId, setId), top, decisions,
                new ReportData.Method(smallCounts.threshold(), project.srid(),
                        maps.clusters(projectId, DEFAULT_CLUSTERS).eps(), ClusterParameters.DEFAULT_MIN_POINTS),
                clock.instant(), budget.votes(projectId));
    }

    private List<StageDates> stages(long projectId) {
        var planned = jdbi.withHandle(h -> h.createQuery(STAGES).bind("project", projectId)
                .map((rs, ctx) -> new StageDates(Choices.parse("stage", rs.getString("stage"), Stage.class),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class)))
                .list());
        var all = new ArrayList<StageDates>();
        for (Stage stage : Stage.values()) {
            all.add(planned.stream().filter(s -> s.stage() == stage).findFirst()
                    .orElse(new StageDates(stage, null, null)));
        }
        return all;
    }

    private static Status status(String wire) {
        return Choices.parse("status", wire, Status.class);
    }

    private List<MapDrawing.Drawing> drawings(long projectId, Long setId) {
        var all = new ProposalsLayer(MapDrawing.PUBLIC_STATUSES);
        var drawings = new ArrayList<MapDrawing.Drawing>();
        if (setId != null) {
            drawings.add(maps.draw(new MapDrawing.Request(projectId, null, new Layers(true, setId,
                    new ParticipationLayer(setId), null, null, null, null), "map-participation", "map.participation")));
        }
        drawings.add(maps.draw(new MapDrawing.Request(projectId, null, new Layers(true, null, null,
                DEFAULT_CLUSTERS, all, null, null),
                "map-clusters", "map.clusters")));
        drawings.add(maps.draw(new MapDrawing.Request(projectId, null, new Layers(true, null, null, null, all, null,
                null), "map-proposals", "map.proposals")));
        return drawings;
    }

    private record FiguresOfSet(long setId, Figures figures) {
    }

    /** The public participation figures of the newest neighbourhood set, or null when there is no set. */
    private FiguresOfSet figures(long projectId) {
        boolean anySet = jdbi.withHandle(h -> h.createQuery(ANY_AREA_SET)
                .mapTo(Boolean.class).one());
        if (!anySet) {
            return null;
        }
        JsonNode json = participation.json(Parameters.whole(projectId, null, View.PUBLIC));
        JsonNode t = json.get("totals");
        var areas = new ArrayList<AreaFigure>();
        for (JsonNode a : json.get("areas")) {
            areas.add(new AreaFigure(a.get("name").asText(), a.get("population").isNull() ? null
                    : a.get("population").asLong(), a.get("participants").asText(), number(a.get("ratePer1000"))));
        }
        JsonNode set = json.get("areaSet");
        Integer year = set.get("year").isNull() ? null : set.get("year").asInt();
        return new FiguresOfSet(set.get("id").asLong(), new Figures(set.get("name").asText(), year,
                t.get("participants").asText(),
                t.get("participantsAllAreas").asText(), t.get("participantsWithoutArea").asText(),
                t.get("population").asLong(), number(t.get("ratePer1000")), number(t.get("gini")),
                number(t.get("hoover")), t.get("proposals").asText(), t.get("comments").asText(),
                t.get("supports").asText(), areas));
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }
}
