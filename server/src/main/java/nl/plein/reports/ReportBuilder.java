package nl.plein.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.plein.analysis.ParticipationReport;
import nl.plein.analysis.ParticipationStore;
import nl.plein.analysis.ProposalSelection;
import nl.plein.analysis.SmallCounts;
import nl.plein.clusters.ClusterRoutes;
import nl.plein.db.NamedSql;
import nl.plein.db.Sql;
import nl.plein.http.ApiError;
import nl.plein.http.Choices;
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

/**
 * Gathers a project's report: the process, participation in its public form (the same figures the
 * public participation view gives, through {@link ParticipationReport}), three maps, the most
 * supported proposals and the decisions with their reasons, all as anyone may see them.
 */
public final class ReportBuilder {
    /** How many of the most supported proposals a report lists. */
    public static final int TOP = 10;

    private static final String PROJECT = "SELECT title, summary, stage FROM projects WHERE id = ?";
    /** The report's cluster map: DBSCAN with the project's default eps and minPoints, as the analysis page opens. */
    private static final ClustersLayer DEFAULT_CLUSTERS = new ClustersLayer(null, ClusterRoutes.DEFAULT_MIN_POINTS);
    private static final String STAGES = "SELECT stage, starts_on, ends_on FROM project_stages WHERE project_id = ?";
    private static final NamedSql TOP_PROPOSALS = NamedSql.of("""
            SELECT p.id, p.title, p.status, p.support_count, p.category FROM proposals p
             WHERE /*selection*/
             ORDER BY p.support_count DESC, p.id LIMIT :top""".replace("/*selection*/", ProposalSelection.WHERE));
    /**
     * Decisions on visible proposals, without the steps every proposal takes by itself (submitted by
     * its author, and published at once where the project moderates afterwards), which are recorded as
     * the author's own.
     */
    private static final NamedSql DECISIONS = NamedSql.of("""
            SELECT p.id, p.title, d.from_status, d.to_status, d.reason, d.decided_at
              FROM proposal_decisions d JOIN proposals p ON p.id = d.proposal_id
             WHERE d.to_status <> 'submitted'
               AND NOT (d.from_status = 'submitted' AND d.decided_by = p.author_id)
               AND /*selection*/
             ORDER BY d.decided_at, d.id""".replace("/*selection*/", ProposalSelection.WHERE));

    private final DataSource dataSource;
    private final ParticipationStore participation;
    private final ParticipationReport participationReport;
    private final MapDrawing maps;
    private final SmallCounts smallCounts;
    private final ZoneId zone;
    private final Clock clock;

    public ReportBuilder(DataSource dataSource, ParticipationStore participation, MapDrawing maps,
            SmallCounts smallCounts, ZoneId zone, Clock clock) {
        this.dataSource = dataSource;
        this.participation = participation;
        this.participationReport = new ParticipationReport(smallCounts);
        this.maps = maps;
        this.smallCounts = smallCounts;
        this.zone = zone;
        this.clock = clock;
    }

    /** The report of a project as it stands now; an unknown project is a 404. */
    public ReportData build(long projectId) {
        record Project(String title, String summary, Stage stage) {
        }
        var project = Sql.read(dataSource, c -> Sql.one(c, PROJECT, rs -> new Project(rs.getString(1),
                rs.getString(2), Choices.parse("stage", rs.getString(3), Stage.class)), projectId))
                .orElseThrow(() -> ApiError.notFound("Project " + projectId));
        var figures = figures(projectId);
        Long setId = figures == null ? null : figures.setId();
        var selection = ProposalSelection.ALL.values(projectId, zone);
        selection.put("top", TOP);
        var top = Sql.read(dataSource, c -> Sql.list(c, TOP_PROPOSALS.sql(), rs -> new TopProposal(rs.getLong(1),
                rs.getString(2), status(rs.getString(3)), rs.getInt(4), rs.getString(5)), TOP_PROPOSALS.bind(selection)));
        var decisions = Sql.read(dataSource, c -> Sql.list(c, DECISIONS.sql(), rs -> new Decision(rs.getLong(1),
                rs.getString(2), rs.getString(3) == null ? null : status(rs.getString(3)), status(rs.getString(4)),
                rs.getString(5), rs.getObject(6, OffsetDateTime.class)), DECISIONS.bind(selection)));
        int srid = Sql.read(dataSource, c -> Sql.one(c, "SELECT metric_srid FROM projects WHERE id = ?", rs -> rs.getInt(1), projectId))
                .orElseThrow();
        return new ReportData(projectId, project.title(), project.summary(), project.stage(), stages(projectId),
                figures == null ? null : figures.figures(), drawings(projectId, setId), top, decisions,
                new ReportData.Method(smallCounts.threshold(), srid, maps.clusters(projectId, DEFAULT_CLUSTERS).eps(),
                        ClusterRoutes.DEFAULT_MIN_POINTS), clock.instant());
    }

    private List<StageDates> stages(long projectId) {
        var planned = Sql.read(dataSource, c -> Sql.list(c, STAGES, rs -> new StageDates(
                Choices.parse("stage", rs.getString(1), Stage.class), rs.getObject(2, LocalDate.class),
                rs.getObject(3, LocalDate.class)), projectId));
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
        boolean anySet = Sql.read(dataSource, c -> Sql.one(c, "SELECT EXISTS (SELECT 1 FROM area_sets)",
                rs -> rs.getBoolean(1))).orElse(false);
        if (!anySet) {
            return null;
        }
        var counts = participation.read(projectId, null, null, null, zone, smallCounts.threshold());
        JsonNode json = participationReport.build(projectId, counts, null, null, ParticipationReport.View.PUBLIC);
        JsonNode t = json.get("totals");
        var areas = new ArrayList<AreaFigure>();
        for (JsonNode a : json.get("areas")) {
            areas.add(new AreaFigure(a.get("name").asText(), a.get("population").isNull() ? null
                    : a.get("population").asLong(), a.get("participants").asText(), number(a.get("ratePer1000"))));
        }
        var set = counts.set();
        return new FiguresOfSet(set.id(), new Figures(set.name(), set.year(), t.get("participants").asText(),
                t.get("participantsAllAreas").asText(), t.get("participantsWithoutArea").asText(),
                t.get("population").asLong(), number(t.get("ratePer1000")), number(t.get("gini")),
                number(t.get("hoover")), t.get("proposals").asText(), t.get("comments").asText(),
                t.get("supports").asText(), areas));
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }
}
