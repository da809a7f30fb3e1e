package nl.plein.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.support.TestPostgis;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every spatial analysis runs under the time limit; running past it is a 503 the client can act on. */
class AnalysisTimeLimitTest {
    static HikariDataSource dataSource;
    static Jdbi jdbi;

    @BeforeAll
    static void start() {
        dataSource = TestPostgis.freshDatabase();
        jdbi = Jdbis.create(dataSource);
    }

    @AfterAll
    static void stop() {
        dataSource.close();
    }

    @Test
    void aStatementPastTheLimitIsCancelledAndBecomesA503() {
        long start = System.nanoTime();
        var failure = assertThrows(JdbiException.class, () -> jdbi.inTransaction(h -> {
            Analyses.limit(h, Duration.ofMillis(300));
            return h.createQuery("SELECT pg_sleep(5)").mapTo(String.class).one();
        }));
        double seconds = (System.nanoTime() - start) / 1e9;

        assertTrue(seconds < 4, "cancelled after the limit, not after the statement: " + seconds + " s");
        var mapped = Analyses.timedOut(failure, "try narrower filters");
        var problem = assertThrows(ApiError.class, () -> {
            throw mapped;
        });
        assertEquals(503, problem.status());
        assertTrue(problem.getMessage().contains("try narrower filters"), problem.getMessage());
    }

    @Test
    void otherDatabaseFailuresStayFailures() {
        var failure = assertThrows(JdbiException.class, () -> jdbi.withHandle(
                h -> h.createQuery("SELECT 1 / 0").mapTo(Integer.class).one()));

        assertSame(failure, Analyses.timedOut(failure, "unused"));
    }

    @Test
    void theLimitLastsOnlyForItsTransaction() {
        jdbi.useTransaction(h -> Analyses.limit(h, Duration.ofMillis(300)));
        String after = jdbi.withHandle(h -> h.createQuery("SHOW statement_timeout").mapTo(String.class).one());
        assertEquals("0", after);
    }
}
