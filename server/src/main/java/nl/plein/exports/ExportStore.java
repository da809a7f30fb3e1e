package nl.plein.exports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.plein.analysis.SmallCounts;
import nl.plein.db.NamedSql;
import nl.plein.db.Sql;
import nl.plein.http.Json;
import nl.plein.ogc.FeatureStore;
import nl.plein.participation.ParticipationReport;
import nl.plein.participation.ParticipationReport.View;
import nl.plein.participation.ParticipationRoutes;
import nl.plein.participation.ParticipationStore;
import nl.plein.proposals.Visibility;

/**
 * The rows of an export, public data only. Proposals, variants and participation use the very
 * statements of the OGC collections, so a file and a GIS client see the same features; comments
 * add the unpinned ones. Participation figures are the public form of the participation report,
 * small counts suppressed as in its own exports.
 *
 * <p>A file is built in memory: a project holds thousands of contributions, not millions. A much
 * larger one would want its rows streamed to the response instead.
 */
final class ExportStore {
    /**
     * One row: its id, geometry as GeoJSON, WKT and little-endian WKB with its box (minX, maxX,
     * minY, maxY), all null when it has none, a point on it, and its fields.
     */
    record Row(long id, String geoJson, String wkt, String lon, String lat, ObjectNode properties, byte[] wkb,
            double[] box) {
    }

    /** The rows, and for participation the boundary set they are counted in (else null). */
    record Rows(List<Row> rows, Long setId) {
    }

    private static final Map<Dataset, NamedSql> STATEMENTS = new EnumMap<>(Dataset.class);

    static {
        String rows = Sql.load(ExportStore.class, "rows.sql");
        STATEMENTS.put(Dataset.PROPOSALS, statement(rows, Sql.load(FeatureStore.class, "proposals.sql")));
        STATEMENTS.put(Dataset.VARIANTS, statement(rows, Sql.load(FeatureStore.class, "variants.sql")));
        STATEMENTS.put(Dataset.COMMENTS, statement(rows, Sql.load(FeatureStore.class, "comments.sql")));
        STATEMENTS.put(Dataset.PARTICIPATION, statement(rows, Sql.load(FeatureStore.class, "participation.sql")));
    }

    private static NamedSql statement(String rows, String source) {
        return NamedSql.of(rows.replace("%SOURCE%", source).replace("%VISIBLE%", Visibility.PROPOSAL_NAMED));
    }

    private final DataSource dataSource;
    private final ParticipationStore participation;
    private final ParticipationReport report;
    private final ZoneId zone;

    ExportStore(DataSource dataSource, ParticipationStore participation, SmallCounts smallCounts, ZoneId zone) {
        this.dataSource = dataSource;
        this.participation = participation;
        this.report = new ParticipationReport(smallCounts);
        this.zone = zone;
    }

    /** @param setId the boundary set for participation; null takes the project's own */
    Rows read(Dataset dataset, long projectId, Long setId) {
        var values = new HashMap<String, Object>();
        values.put("owner", projectId);
        values.put("staff", false);
        values.put("viewer", -1L);
        Long set = null;
        if (dataset == Dataset.PARTICIPATION) {
            var counts = participation.read(projectId, setId, null, null, zone, report.threshold());
            var json = report.build(projectId, counts, null, null, View.PUBLIC);
            var figures = Json.MAPPER.createObjectNode();
            json.get("areas").forEach(area ->
                    figures.set(area.get("areaId").asText(), ParticipationRoutes.exportedProperties(area)));
            set = json.get("areaSet").get("id").asLong();
            values.put("set", set);
            values.put("figures", Json.write(figures));
        }
        var statement = STATEMENTS.get(dataset);
        var rows = Sql.read(dataSource, c -> Sql.list(c, statement.sql(), rs -> new Row(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                (ObjectNode) Json.parse(rs.getString(6).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                rs.getBytes(7), rs.getObject(8) == null ? null
                : new double[] {rs.getDouble(8), rs.getDouble(9), rs.getDouble(10), rs.getDouble(11)}),
                statement.bind(values)));
        return new Rows(rows, set);
    }
}
