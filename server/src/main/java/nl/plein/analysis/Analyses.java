package nl.plein.analysis;

import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Function;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The kit every {@link Analysis} runs in: it reads the project's scope (metric CRS and analysis
 * version), answers from the cache when the same analysis was asked with the same parameters in that
 * scope, and otherwise runs the analysis in one read transaction under the time limit, turning a
 * cancelled statement into a 503 that says what to change. It also publishes: counts of people as
 * planners see them or under the small-count rule ({@link #counts}), and the method text ({@link #method}).
 */
public final class Analyses {
    private static final String SCOPE = Jdbis.sql(Analyses.class, "scope.sql");

    /**
     * What an analysis computes in: the open handle (under the time limit), the project, its scope and
     * the time zone that days are counted in, and the small-count threshold (METHODS.md §9).
     */
    public record Run(Handle handle, long projectId, Scope scope, ZoneId zone, int threshold) {
        /** The project's metric CRS (migration V12): every distance and area is computed in it. */
        public int srid() {
            return scope.srid();
        }
    }

    /**
     * The version of a project's analyses (migration V7: it goes up when the project's contributions,
     * area or metric CRS change) and the metric CRS it is analysed in (migration V12). Every cached
     * result is keyed by both.
     */
    public record Scope(long version, int srid) {
        /** The cache key of a result computed in this scope. */
        public AnalysisCache.Key key(String analysis, long projectId, String parameters) {
            return new AnalysisCache.Key(analysis, projectId, srid, version, parameters);
        }
    }

    private final Jdbi jdbi;
    private final Duration timeout;
    private final ZoneId zone;
    private final SmallCounts smallCounts;
    private final AnalysisCache<Object> cache;

    public Analyses(Jdbi jdbi, Duration timeout, ZoneId zone, SmallCounts smallCounts, int cacheCapacity) {
        this.jdbi = jdbi;
        this.timeout = timeout;
        this.zone = zone;
        this.smallCounts = smallCounts;
        this.cache = new AnalysisCache<>(cacheCapacity);
    }

    /** The analysis's result for the project and parameters: cached, or computed under the time limit. */
    public <P, R> R run(Analysis<P, R> analysis, long projectId, P parameters) {
        return run(analysis, projectId, parameters, scope(projectId));
    }

    @SuppressWarnings("unchecked")
    private <P, R> R run(Analysis<P, R> analysis, long projectId, P parameters, Scope scope) {
        return (R) cache.get(scope.key(analysis.name(), projectId, String.valueOf(parameters)),
                () -> compute(analysis, projectId, parameters, scope));
    }

    /**
     * The analysis computed afresh under the time limit, never cached: for figures that change with
     * what the analysis version does not follow (participation changes with every comment).
     */
    public <P, R> R runFresh(Analysis<P, R> analysis, long projectId, P parameters) {
        return compute(analysis, projectId, parameters, scope(projectId));
    }

    /**
     * The result as one kind of reader is sent it ({@code raw} for planners, else under the small-count
     * rule), written by {@code write} once and kept beside the result under the same key: a large
     * answer (ten thousand hexagons) asked for again is not written out again.
     */
    public <P, R> String written(Analysis<P, R> analysis, long projectId, P parameters, boolean raw,
            Function<R, String> write) {
        var scope = scope(projectId);
        var key = scope.key(analysis.name() + (raw ? " as planners see it" : " as everyone sees it"), projectId,
                String.valueOf(parameters));
        return (String) cache.get(key, () -> write.apply(run(analysis, projectId, parameters, scope)));
    }

    /** The project's scope; a project that does not exist is a 404. */
    public Scope scope(long projectId) {
        return jdbi.withHandle(h -> h.createQuery(SCOPE).bind("project", projectId)
                .map((rs, ctx) -> new Scope(rs.getLong("version"), rs.getInt("srid"))).findOne())
                .orElseThrow(() -> ApiError.notFound("Project " + projectId));
    }

    private <P, R> R compute(Analysis<P, R> analysis, long projectId, P parameters, Scope scope) {
        // A handle of its own: called from inside another unit of work (a report written while a
        // meeting closes), the time limit must not fall on that one's transaction, nor its failure.
        try (Handle h = jdbi.open()) {
            return h.inTransaction(tx -> {
                limit(tx, timeout);
                return analysis.compute(new Run(tx, projectId, scope, zone, smallCounts.threshold()), parameters);
            });
        } catch (JdbiException e) {
            throw timedOut(e, analysis.whenTooSlow());
        }
    }

    /** Runs the rest of this transaction under the time limit, without JIT or parallel workers. */
    public static void limit(Handle h, Duration timeout) {
        h.execute("SET LOCAL statement_timeout = " + timeout.toMillis());
        h.execute("SET LOCAL jit = off");
        h.execute("SET LOCAL max_parallel_workers_per_gather = 0");
    }

    /** A statement cancelled by the time limit becomes a 503 the client can act on; anything else stays as it was. */
    public static RuntimeException timedOut(RuntimeException e, String advice) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return ApiError.tookTooLong("the analysis ran past its time limit; " + advice);
            }
        }
        return e;
    }

    /** Counts of people as this reader may see them: raw for planners, else under the small-count rule. */
    public Counts counts(boolean raw) {
        return new Counts(raw, smallCounts);
    }

    /** The analysis's method text, with the small-count rule added when the figures are public. */
    public <P, R> String method(Analysis<P, R> analysis, P parameters, R result, boolean raw) {
        String text = analysis.method(parameters, result);
        if (parameters instanceof Selection.Reads reads && reads.selection().contributions() == Selection.Contributions.EVALUATIONS) {
            text = text + " " + Selection.EVALUATIONS_ANALYSED;
        }
        return raw ? text : text + " " + smallCounts.describe();
    }

    public SmallCounts smallCounts() {
        return smallCounts;
    }

    public ZoneId zone() {
        return zone;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Runs work on a handle outside any analysis (e.g. an analysis's own cheap look-ups). */
    public Jdbi jdbi() {
        return jdbi;
    }
}
