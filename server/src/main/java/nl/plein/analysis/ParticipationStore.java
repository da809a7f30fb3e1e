package nl.plein.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;
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
    private static final Pattern NAMED = Pattern.compile("(?<!:):([a-z]+)\\b");
    /** The statement as written, without its comments (which name the parameters too). */
    private static final String PARTICIPATION_NAMED = Sql.load(ParticipationStore.class, "participation.sql")
            .replaceAll("--[^\n]*", "");
    /** The statement with its named parameters turned into positional ones, and their names in order. */
    private static final String PARTICIPATION = NAMED.matcher(PARTICIPATION_NAMED).replaceAll("?");
    private static final List<String> PARAMETERS = NAMED.matcher(PARTICIPATION_NAMED).results()
            .map(m -> m.group(1)).toList();
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

    /**
     * @param flows      the largest home → proposal pairs, at most {@link #MAX_FLOWS}
     * @param flowPairs  how many pairs there are in all
     * @param proposalsInHomeArea proposals that lie in their author's home area
     */
    public record Counts(AreaSet set, List<AreaRow> areas, Totals totals, List<Flow> flows, long flowPairs,
            long proposalsInHomeArea, Distances distances, List<Week> weekly) {
    }

    /** The most home → proposal pairs one answer lists; there may be millions (areas squared). */
    public static final int MAX_FLOWS = 1000;

    private final DataSource dataSource;

    public ParticipationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param setId the boundary set, or null for the newest neighbourhood set
     * @param from  first day counted, or null; {@code to} the last day counted, or null; days in {@code zone}
     */
    public Counts read(long projectId, Long setId, LocalDate from, LocalDate to, ZoneId zone, long minFlow) {
        return Sql.transaction(dataSource, c -> {
            // Compiling this one large statement with LLVM (JIT) took longer than running it, and its
            // aggregates over a million contributions need more than the default 4 MB to stay in memory.
            try (var st = c.createStatement()) {
                st.execute("SET LOCAL jit = off");
                st.execute("SET LOCAL work_mem = '64MB'");
            }
            AreaSet set = set(c, setId);
            var values = new HashMap<String, Object>();
            values.put("project", projectId);
            values.put("set", set.id());
            values.put("from", from == null ? null : from.atStartOfDay(zone).toOffsetDateTime());
            values.put("to", to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
            values.put("zone", zone.getId());
            values.put("srid", set.metricSrid());
            values.put("minflow", minFlow);
            Object[] params = PARAMETERS.stream().map(name -> {
                if (!values.containsKey(name)) {
                    throw new IllegalStateException("participation.sql names an unknown parameter :" + name);
                }
                return values.get(name);
            }).toArray();
            return Sql.one(c, PARTICIPATION, rs -> counts(set, rs.getString("areas"), rs.getString("totals"),
                    rs.getString("flows"), rs.getString("distances"), rs.getString("weekly")), params).orElseThrow();
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
        JsonNode t = parse(totalsJson);
        var totals = new Totals(t.get(0).asLong(), t.get(1).asLong(), t.get(2).asLong(), t.get(3).asLong(),
                t.get(4).asLong(), t.get(5).asLong());
        var flows = new ArrayList<Flow>();
        JsonNode flowParts = parse(flowsJson);
        for (JsonNode f : flowParts.get(2)) {
            flows.add(new Flow(f.get(0).asLong(), f.get(1).asLong(), f.get(2).asLong()));
        }
        JsonNode d = parse(distancesJson);
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
        return new Counts(set, List.copyOf(areas), totals, List.copyOf(flows), flowParts.get(0).asLong(),
                flowParts.get(1).asLong(), distances, List.copyOf(weekly));
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }

    /** An array PostgreSQL built, or an empty one where its aggregate had no rows (NULL). */
    private static JsonNode array(String json) {
        return json == null ? Json.MAPPER.createArrayNode() : parse(json);
    }

    private static JsonNode parse(String json) {
        return Json.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
