package nl.plein.ogc;

import java.time.ZoneId;
import nl.plein.analysis.SmallCounts;
import nl.plein.http.Json;
import nl.plein.participation.ParticipationReport;
import nl.plein.participation.ParticipationReport.View;
import nl.plein.participation.ParticipationRoutes;
import nl.plein.participation.ParticipationStore;

/**
 * The participation figures per area that the public participation GeoJSON export shows, small
 * counts suppressed by the same rule, for the {@code participation-{projectId}-{setId}} collections.
 */
public final class ParticipationFigures implements FeatureStore.Figures {
    private final ParticipationStore store;
    private final ParticipationReport report;
    private final ZoneId zone;

    public ParticipationFigures(ParticipationStore store, SmallCounts smallCounts, ZoneId zone) {
        this.store = store;
        this.report = new ParticipationReport(smallCounts);
        this.zone = zone;
    }

    /** A JSON object from area id to that area's public figures, over the project's whole run. */
    @Override
    public String byArea(long projectId, long setId) {
        var counts = store.read(projectId, setId, null, null, zone, report.threshold());
        var figures = Json.MAPPER.createObjectNode();
        report.build(projectId, counts, null, null, View.PUBLIC).get("areas").forEach(area ->
                figures.set(area.get("areaId").asText(), ParticipationRoutes.exportedProperties(area)));
        return Json.write(figures);
    }
}
