package nl.plein.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import nl.plein.db.DataAccessException;
import nl.plein.db.Sql;
import nl.plein.http.ApiError;
import nl.plein.support.TestPostgis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every spatial analysis runs under the time limit; running past it is a 503 the client can act on. */
class AnalysisTimeLimitTest {
    static HikariDataSource dataSource;

    @BeforeAll
    static void start() {
        dataSource = TestPostgis.freshDatabase();
    }

    @AfterAll
    static void stop() {
        dataSource.close();
    }

    @Test
    void aStatementPastTheLimitIsCancelledAndBecomesA503() {
        long start = System.nanoTime();
        var failure = assertThrows(DataAccessException.class, () -> Sql.transaction(dataSource, c -> {
            ProposalSelection.limit(c, Duration.ofMillis(300));
            return Sql.one(c, "SELECT pg_sleep(5)", rs -> 1);
        }));
        double seconds = (System.nanoTime() - start) / 1e9;

        assertTrue(seconds < 4, "cancelled after the limit, not after the statement: " + seconds + " s");
        var mapped = ProposalSelection.timedOut(failure, "try narrower filters");
        var problem = assertThrows(ApiError.class, () -> {
            throw mapped;
        });
        assertEquals(503, problem.status());
        assertTrue(problem.getMessage().contains("try narrower filters"), problem.getMessage());
    }

    @Test
    void otherDatabaseFailuresStayFailures() {
        var failure = assertThrows(DataAccessException.class, () -> Sql.read(dataSource,
                c -> Sql.one(c, "SELECT 1 / 0", rs -> 1)));

        assertSame(failure, ProposalSelection.timedOut(failure, "unused"));
    }

    @Test
    void theLimitLastsOnlyForItsTransaction() {
        Sql.transaction(dataSource, c -> {
            ProposalSelection.limit(c, Duration.ofMillis(300));
            return 1;
        });
        String after = Sql.read(dataSource, c -> Sql.one(c, "SHOW statement_timeout", rs -> rs.getString(1)))
                .orElseThrow();
        assertEquals("0", after);
    }
}
