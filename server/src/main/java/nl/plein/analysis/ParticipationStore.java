package nl.plein.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.plein.db.Sql;
import nl.plein.http.ApiError;
import nl.plein.http.Json;

/**
 * Reads what the participation view counts, in one statement over one snapshot (participation.sql):
 * per area of a boundary set, the people who live there and the contributions that lie there; the
 * home → proposal pairs; the distances from home to proposal; the weekly series.
 */
public final class ParticipationStore {
    private static final String PARTICIPATION = Sql.load(ParticipationStore.class, "participation.sql");
    private static final String SET = """
            SELECT s.id, s.name, s.year, s.kind, s.source,
                   coalesce(s.metric_srid, metric_srid(4326,
                            (SELECT ST_Centroid(ST_Extent(a.geom)) FROM areas a WHERE a.area_set_id = s.id)), 3857)
              FROM area_sets s WHERE s.id = coalesce(?::bigint,
                   (SELECT max(id) FROM area_sets WHERE kind = 'neighbourhood'), (SELECT max(id) FROM area_sets))""";

    /** The boundary set the figures are counted in. */
    public record AreaSet(long id, String name, Integer year, String level, String source, int metricSrid) {
    }

    /** One area: who lives there and took part, and what was contributed there. */
    public record AreaRow(long id, String code, String name, Long population, long participants, long proposals,
            long variants, long comments, long supports) {
    }

    public record Totals(long people, long peopleWithoutArea, long proposals, long variants, long comments,
            long supports) {
    }

    public record Flow(long homeAreaId, long proposalAreaId, long proposals) {
    }

    /** Distances in metres from the home area's centroid to each proposal; quantiles null when there are none. */
    public record Distances(long proposals, Double mean, Double p25, Double median, Double p75, Double p90,
            List<Long> bins) {
        /** Lower edges of the bins, in metres; the last bin is open. */
        public static final List<Integer> EDGES = List.of(0, 250, 500, 1000, 2000, 5000);
    }

    public record Week(LocalDate weekStart, String week, long participants, long newParticipants, long proposals,
            long variants, long comments, long supports) {
    }

    public record Counts(AreaSet set, List<AreaRow> areas, Totals totals, List<Flow> flows, Distances distances,
            List<Week> weekly) {
    }

    private final DataSource dataSource;

    public ParticipationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param setId the boundary set, or null for the newest neighbourhood set
     * @param from  first day counted, or null; {@code to} the last day counted, or null; days in {@code zone}
     */
    public Counts read(long projectId, Long setId, LocalDate from, LocalDate to, ZoneId zone) {
        return Sql.read(dataSource, c -> {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                AreaSet set = set(c, setId);
                Counts counts = Sql.one(c, PARTICIPATION, rs -> counts(set, rs.getString("areas"),
                        rs.getString("totals"), rs.getString("flows"), rs.getString("distances"),
                        rs.getString("weekly")), projectId, set.id(),
                        from == null ? null : from.atStartOfDay(zone).toOffsetDateTime(),
                        to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), zone.getId(),
                        set.metricSrid())
                        .orElseThrow();
                c.commit();
                return counts;
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        });
    }

    private static AreaSet set(Connection c, Long setId) throws SQLException {
        return Sql.one(c, SET, rs -> {
            int year = rs.getInt("year");
            Integer knownYear = rs.wasNull() ? null : year;
            return new AreaSet(rs.getLong("id"), rs.getString("name"), knownYear, rs.getString("kind"),
                    rs.getString("source"), rs.getInt(6));
        }, setId).orElseThrow(() -> setId == null
                ? ApiError.conflict("set", "no boundary set has been loaded yet; an administrator can load one")
                : ApiError.invalid("set", "there is no boundary set " + setId));
    }

    private static Counts counts(AreaSet set, String areasJson, String totalsJson, String flowsJson,
            String distancesJson, String weeklyJson) {
        var areas = new ArrayList<AreaRow>();
        for (JsonNode a : array(areasJson)) {
            areas.add(new AreaRow(a.get(0).asLong(), a.get(1).asText(), a.get(2).asText(),
                    a.get(3).isNull() ? null : a.get(3).asLong(), a.get(4).asLong(), a.get(5).asLong(),
                    a.get(6).asLong(), a.get(7).asLong(), a.get(8).asLong()));
        }
        areas.sort(java.util.Comparator.comparing(AreaRow::name).thenComparingLong(AreaRow::id));
        JsonNode t = Json.parse(totalsJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var totals = new Totals(t.get(0).asLong(), t.get(1).asLong(), t.get(2).asLong(), t.get(3).asLong(),
                t.get(4).asLong(), t.get(5).asLong());
        var flows = new ArrayList<Flow>();
        for (JsonNode f : array(flowsJson)) {
            flows.add(new Flow(f.get(0).asLong(), f.get(1).asLong(), f.get(2).asLong()));
        }
        flows.sort(java.util.Comparator.comparingLong(Flow::proposals).reversed()
                .thenComparingLong(Flow::homeAreaId).thenComparingLong(Flow::proposalAreaId));
        JsonNode d = Json.parse(distancesJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        JsonNode q = d.get(2);
        var bins = new ArrayList<Long>();
        for (int i = 3; i < d.size(); i++) {
            bins.add(d.get(i).asLong());
        }
        var distances = new Distances(d.get(0).asLong(), number(d.get(1)), q.isNull() ? null : number(q.get(0)),
                q.isNull() ? null : number(q.get(1)), q.isNull() ? null : number(q.get(2)),
                q.isNull() ? null : number(q.get(3)), List.copyOf(bins));
        var weekly = new ArrayList<Week>();
        for (JsonNode w : array(weeklyJson)) {
            weekly.add(new Week(LocalDate.parse(w.get(0).asText()), w.get(1).asText(), w.get(2).asLong(),
                    w.get(3).asLong(), w.get(4).asLong(), w.get(5).asLong(), w.get(6).asLong(), w.get(7).asLong()));
        }
        return new Counts(set, List.copyOf(areas), totals, List.copyOf(flows), distances, List.copyOf(weekly));
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }

    private static JsonNode array(String json) {
        return json == null ? Json.MAPPER.createArrayNode()
                : Json.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
