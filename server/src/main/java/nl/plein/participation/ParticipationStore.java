package nl.plein.participation;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.http.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Reads what the participation view counts, over one snapshot: per area of a boundary set, the
 * people who live there and the contributions that lie there, and the weekly series
 * (participation-areas.sql, starting from participation-whole.sql for a whole project, read from the
 * counts kept as contributions are written, or participation-range.sql for a date range, counted
 * from its contributions); and the home → proposal pairs with the distances from home to proposal
 * (participation-flows.sql). The two halves run at once on two connections that share one exported
 * snapshot, so a machine with two cores answers in about half the time and both see the same data.
 */
public final class ParticipationStore {
    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-F]+-[0-9A-F]+(-[0-9]+)?");
    private static final String SET = Jdbis.sql(ParticipationStore.class, "participation-set.sql");
    private static final String KEPT_ZONE = Jdbis.sql(ParticipationStore.class, "time-zone.sql");
    private static final String EXPORT_SNAPSHOT = Jdbis.sql(ParticipationStore.class, "export-snapshot.sql");
    /** People and places, after one of the {@link Counted} starts. */
    private static final String AREAS = Jdbis.sql(ParticipationStore.class, "participation-areas.sql");
    /** Home → proposal pairs and distances, for either. */
    private static final String FLOWS = Jdbis.sql(ParticipationStore.class, "participation-flows.sql");
    /** How many views may hold a second connection at once; the others run their halves one after the other. */
    private static final int SPLIT_VIEWS = 2;

    /** Where the people and places half starts counting: the {@code <counted>} of participation-areas.sql. */
    private enum Counted {
        /** A whole project, from the counts kept as contributions are written. */
        WHOLE("participation-whole.sql"),
        /** A date range, counted from the contributions. */
        RANGE("participation-range.sql");

        final String relations;

        Counted(String file) {
            this.relations = Jdbis.sql(ParticipationStore.class, file);
        }
    }

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

    private final Jdbi jdbi;
    private final Semaphore split = new Semaphore(SPLIT_VIEWS);
    private final ExecutorService helpers = Executors.newCachedThreadPool(work -> {
        var thread = new Thread(work, "participation-flows");
        thread.setDaemon(true);
        return thread;
    });
    /**
     * Whether a view may take a second connection: only from a pool with room for more than the
     * views that may hold two at once, so that waiting for the second can never starve the pool.
     */
    private final boolean splitting;

    /**
     * @param jdbi the one Jdbi
     * @param pool the data source {@code jdbi} draws its connections from: asked only whether it is a
     *     pool with room for a second connection per view
     */
    public ParticipationStore(Jdbi jdbi, DataSource pool) {
        this.jdbi = jdbi;
        this.splitting = pool instanceof HikariDataSource hikari && hikari.getMaximumPoolSize() > 2 * SPLIT_VIEWS;
    }

    /**
     * @param setId the boundary set, or null for the newest neighbourhood set
     * @param from  first day counted, or null; {@code to} the last day counted, or null; days in {@code zone}
     */
    Counts read(long projectId, Long setId, LocalDate from, LocalDate to, ZoneId zone, long minFlow) {
        return read(projectId, setId, from, to, zone, minFlow, false);
    }

    /**
     * As {@link #read(long, Long, LocalDate, LocalDate, ZoneId, long)}, but with {@code recount} the
     * figures of a whole project are counted from its contributions instead of read from the counts
     * kept as they are written. The two must agree; tests hold them to it.
     */
    Counts read(long projectId, Long setId, LocalDate from, LocalDate to, ZoneId zone, long minFlow,
            boolean recount) {
        // A handle of its own, not jdbi.inTransaction: called inside another Jdbi callback on this thread
        // (a meeting's record is closed in one), Jdbi would lend that transaction instead of a snapshot.
        try (Handle own = jdbi.open()) {
            return own.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> readIn(h, projectId, setId, from,
                    to, zone, minFlow, recount));
        }
    }

    private Counts readIn(Handle h, long projectId, Long setId, LocalDate from, LocalDate to, ZoneId zone,
            long minFlow, boolean recount) {
        tune(h);
        AreaSet set = set(h, projectId, setId);
        var values = new HashMap<String, Object>();
        values.put("project", projectId);
        values.put("set", set.id());
        values.put("from", from == null ? null : from.atStartOfDay(zone).toOffsetDateTime());
        values.put("to", to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        values.put("zone", zone.getId());
        values.put("srid", set.metricSrid());
        values.put("minflow", minFlow);
        values.put("maxflows", MAX_FLOWS);
        // The kept counts have weeks in the zone the application last started with (ActivityCounts).
        boolean kept = from == null && to == null && !recount && zone.getId().equals(
                h.createQuery(KEPT_ZONE).mapTo(String.class).one());
        Future<String[]> flowsBeside = beside(h, values);
        String[] areas = h.createQuery(AREAS).define("counted", (kept ? Counted.WHOLE : Counted.RANGE).relations)
                .bindMap(values)
                .map((rs, ctx) -> new String[] {rs.getString("areas"), rs.getString("totals"), rs.getString("weekly")})
                .one();
        String[] flows = flowsBeside != null ? await(flowsBeside) : flows(h, values);
        return counts(set, areas[0], areas[1], flows[0], flows[1], areas[2]);
    }

    /**
     * Starts the flows half on a second connection over this transaction's snapshot, or returns null
     * when too many views hold a second connection already (then it runs after the first half).
     */
    private Future<String[]> beside(Handle h, Map<String, Object> values) {
        if (!splitting || !split.tryAcquire()) {
            return null;
        }
        try {
            String snapshot = h.createQuery(EXPORT_SNAPSHOT).mapTo(String.class).one();
            // SET TRANSACTION SNAPSHOT takes no parameter; the id is PostgreSQL's own, checked for its form.
            if (!SNAPSHOT_ID.matcher(snapshot).matches()) {
                throw new IllegalStateException("unexpected snapshot id " + snapshot);
            }
            return helpers.submit(() -> {
                try (Handle own = jdbi.open()) {
                    return own.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, other -> {
                        other.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
                        tune(other);
                        return flows(other, values);
                    });
                } finally {
                    split.release();
                }
            });
        } catch (RuntimeException e) {
            split.release();
            throw e;
        }
    }

    private static String[] flows(Handle h, Map<String, Object> values) {
        return h.createQuery(FLOWS).bindMap(values)
                .map((rs, ctx) -> new String[] {rs.getString("flows"), rs.getString("distances")}).one();
    }

    private static String[] await(Future<String[]> half) {
        try {
            return half.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading participation", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Compiling these large statements with LLVM (JIT) took longer than running them; their
     * aggregates over a million contributions need more than the default 4 MB to stay in memory; and
     * the two halves already run side by side, so parallel workers of their own only cost start-up
     * time (on two cores they made a small project's view about half again as slow).
     */
    private static void tune(Handle h) {
        h.execute("SET LOCAL jit = off");
        h.execute("SET LOCAL work_mem = '64MB'");
        h.execute("SET LOCAL max_parallel_workers_per_gather = 0");
    }

    /** The set, with the project's metric CRS (migration V12), in which distances are measured. */
    private static AreaSet set(Handle h, long projectId, Long setId) {
        return h.createQuery(SET).bind("project", projectId).bind("set", setId).map((rs, ctx) -> {
            int year = rs.getInt("year");
            Integer knownYear = rs.wasNull() ? null : year;
            return new AreaSet(rs.getLong("id"), rs.getString("name"), knownYear, rs.getString("kind"),
                    rs.getString("source"), rs.getInt("metric_srid"));
        }).findOne().orElseThrow(() -> setId == null
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
