package nl.plein.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import nl.plein.Main;
import nl.plein.config.Config;
import nl.plein.support.Client;
import nl.plein.support.Fixtures;
import nl.plein.support.TestPostgis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When its database goes away, Plein answers at once with 503 and Retry-After, gets the database
 * back by itself (its embedded cluster started again; an external one served again once it is
 * back), and loses no write it acknowledged. Real PostgreSQL processes, killed and stopped for real,
 * under concurrent writers over real HTTP.
 */
class DatabaseOutageTest {
    private static final String ADMIN = "admin@outage.example";
    private static final String PASSWORD = "an admin password";
    /** "Well under" the 30 s a request used to wait: the pool's connection timeout (5 s) and some. */
    private static final long QUICK_MS = 10_000;
    private static final long BACK_WITHIN_MS = 30_000;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private Path dataDir;

    @BeforeEach
    void folder() throws IOException {
        dataDir = Files.createTempDirectory(Path.of("target"), "outage-").toAbsolutePath();
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        TestPostgis.deleteRecursively(dataDir);
    }

    @Test
    void theEmbeddedPostgresKilledUnderWritersIsStartedAgainWithEveryAcknowledgedWrite() throws Exception {
        var running = start(Map.of("PLEIN_DATA_DIR", dataDir.toString()));
        var writers = new Writers(running, 6);
        writers.start();
        writers.awaitAcknowledged(30);

        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
        long killedAt = System.nanoTime();
        assertEquals(0, new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor());

        long back = writers.awaitServedAgainAfterAFailureSince(killedAt);
        writers.awaitAcknowledged(writers.acknowledged.size() + 30);
        writers.stop();

        var outcomes = writers.outcomes;
        long recoveredMs = (back - killedAt) / 1_000_000;
        var unavailable = outcomes.stream().filter(o -> o.status == 503).toList();
        long slowest503 = unavailable.stream().mapToLong(Outcome::millis).max().orElse(0);
        Set<Long> found = proposalIds(running.postgres().orElseThrow().jdbcUrl(EmbeddedPostgis.DATABASE),
                EmbeddedPostgis.USER, running.postgres().orElseThrow().password(), writers.project);
        System.out.printf("embedded kill -9: first 2xx after %d ms; %d acknowledged writes, %d rows found; "
                        + "%d requests answered 503, the slowest in %d ms%n", recoveredMs,
                writers.acknowledged.size(), found.size(), unavailable.size(), slowest503);

        assertTrue(recoveredMs < BACK_WITHIN_MS, "served again " + recoveredMs + " ms after the kill");
        assertFalse(unavailable.isEmpty(), "requests during the outage were answered 503");
        assertOnlyCreatedOrUnavailable(outcomes);
        assertTrue(slowest503 < QUICK_MS, "the slowest 503 took " + slowest503 + " ms");
        assertTrue(found.containsAll(writers.acknowledged),
                "acknowledged but missing: " + missing(writers.acknowledged, found));
    }

    @Test
    void aDatabaseAtDatabaseUrlThatGoesAwayAndComesBackIsServedAgainWithoutARestart() throws Exception {
        // The "external" database: a cluster of the test's own, on a port of its own, stopped and started by the test.
        var server = EmbeddedPostgis.start(dataDir.resolve("external"));
        toClose.add(server);
        Main.ensureDatabase(server);
        String url = server.jdbcUrl(EmbeddedPostgis.DATABASE) + "?user=" + EmbeddedPostgis.USER + "&password="
                + URLEncoder.encode(server.password(), StandardCharsets.UTF_8);
        var running = start(Map.of("DATABASE_URL", url, "PLEIN_DATA_DIR", dataDir.resolve("plein").toString()));
        var writers = new Writers(running, 4);
        writers.start();
        writers.awaitAcknowledged(20);

        // Every connection of the pool cut at once: the next requests are served on new ones.
        try (var c = DriverManager.getConnection(server.jdbcUrl("postgres"), EmbeddedPostgis.USER, server.password());
             var st = c.createStatement()) {
            st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'plein'");
        }
        long cut = System.nanoTime();
        long servedAfterCut = writers.awaitServedAgainAfter(cut);

        // The server stopped: quick 503s while it is away.
        server.close();
        long stopped = System.nanoTime();
        writers.awaitUnavailable(stopped, 10);
        Thread.sleep(3_000);
        long restarted = System.nanoTime();
        server.restart();
        long back = writers.awaitServedAgainAfter(restarted);
        writers.awaitAcknowledged(writers.acknowledged.size() + 20);
        writers.stop();

        var duringStop = writers.outcomes.stream().filter(o -> o.sent >= stopped && o.sent < restarted).toList();
        long slowest503 = duringStop.stream().filter(o -> o.status == 503).mapToLong(Outcome::millis).max().orElse(0);
        Set<Long> found = proposalIds(server.jdbcUrl(EmbeddedPostgis.DATABASE), EmbeddedPostgis.USER,
                server.password(), writers.project);
        System.out.printf("DATABASE_URL: 2xx %d ms after terminating the pool's backends; %d requests while stopped,"
                        + " %d answered 503, the slowest in %d ms; first 2xx %d ms after the restart; "
                        + "%d acknowledged writes, %d rows found%n", (servedAfterCut - cut) / 1_000_000,
                duringStop.size(), duringStop.stream().filter(o -> o.status == 503).count(), slowest503,
                (back - restarted) / 1_000_000, writers.acknowledged.size(), found.size());

        assertTrue(duringStop.stream().filter(o -> o.status == 503).count() >= 10, "503s while stopped");
        assertTrue(slowest503 < QUICK_MS, "the slowest 503 took " + slowest503 + " ms");
        assertTrue((back - restarted) / 1_000_000 < BACK_WITHIN_MS, "served again within 30 s of the restart");
        assertOnlyCreatedOrUnavailable(writers.outcomes);
        assertTrue(found.containsAll(writers.acknowledged),
                "acknowledged but missing: " + missing(writers.acknowledged, found));
    }

    @Test
    void aLockFileOfAKilledPostmasterWhoseProcessIdLivesOnDoesNotBlockTheRestart() throws Exception {
        var postgres = EmbeddedPostgis.start(dataDir);
        toClose.add(postgres);
        try (var c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), EmbeddedPostgis.USER,
                postgres.password()); var st = c.createStatement()) {
            st.execute("CREATE TABLE kept (v text)");
            st.execute("INSERT INTO kept VALUES ('committed before the kill')");
        }
        Path lock = dataDir.resolve("postgres/postmaster.pid");
        var lines = new ArrayList<>(Files.readAllLines(lock));
        assertEquals(0, new ProcessBuilder("kill", "-KILL", lines.get(0).trim()).start().waitFor());
        long deadline = System.currentTimeMillis() + 30_000;
        while (postgres.isRunning()) {
            assertTrue(System.currentTimeMillis() < deadline, "the killed postmaster is gone");
            Thread.sleep(50);
        }
        // Its process id now answers as another process (as a zombie nobody reaps, or a reused id
        // does), which PostgreSQL itself takes for a postmaster still running.
        Process other = new ProcessBuilder("sleep", "600").start();
        try {
            lines.set(0, Long.toString(other.pid()));
            Files.write(lock, lines);
            deadline = System.currentTimeMillis() + 60_000;
            while (true) {
                try {
                    postgres.restart();
                    break;
                } catch (DatabaseUnavailable stillHeld) {
                    assertTrue(System.currentTimeMillis() < deadline, "restarted: " + stillHeld.getMessage());
                    Thread.sleep(500);
                }
            }
            assertTrue(postgres.isRunning());
            try (var c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), EmbeddedPostgis.USER,
                    postgres.password()); var st = c.createStatement(); var rs = st.executeQuery("SELECT v FROM kept")) {
                assertTrue(rs.next());
                assertEquals("committed before the kill", rs.getString(1));
            }
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    private Main.Running start(Map<String, String> settings) {
        var env = new HashMap<>(settings);
        env.put("PLEIN_PORT", "0");
        env.put("PLEIN_DEMO_CONTENT", "false");
        env.put("PLEIN_BASEMAP", "none");
        env.put("PLEIN_ADMIN_EMAIL", ADMIN);
        env.put("PLEIN_ADMIN_PASSWORD", PASSWORD);
        var running = Main.start(Config.fromEnvironment(env));
        toClose.add(running);
        return running;
    }

    /** Every answer during the test was a 201 or a 503 problem with Retry-After that shows no internals. */
    private static void assertOnlyCreatedOrUnavailable(Queue<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            if (o.status == 201) {
                continue;
            }
            assertEquals(503, o.status, () -> "unexpected answer: " + o.status + " " + o.body);
            assertTrue(o.retryAfter != null && o.retryAfter.matches("\\d+"), "Retry-After: " + o.retryAfter);
            assertTrue(o.contentType.startsWith("application/problem+json"), o.contentType);
            for (String internal : List.of("Exception", "SQL", "jdbc", "Hikari", "127.0.0.1", "postgres")) {
                assertFalse(o.body.contains(internal), () -> "the problem shows internals: " + o.body);
            }
        }
    }

    private static Set<Long> proposalIds(String jdbcUrl, String user, String password, long project)
            throws Exception {
        var ids = new HashSet<Long>();
        try (var c = DriverManager.getConnection(jdbcUrl, user, password);
             var st = c.prepareStatement("SELECT id FROM proposals WHERE project_id = ?")) {
            st.setLong(1, project);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static List<Long> missing(Queue<Long> acknowledged, Set<Long> found) {
        return acknowledged.stream().filter(id -> !found.contains(id)).toList();
    }

    record Outcome(long sent, long done, int status, String retryAfter, String contentType, String body) {
        long millis() {
            return (done - sent) / 1_000_000;
        }
    }

    /** Residents who each create proposals as fast as they are answered, and what they were answered. */
    final class Writers implements AutoCloseable {
        final long project;
        final Queue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        private final List<Client> residents = new ArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService threads;

        Writers(Main.Running plein, int count) {
            String base = "http://127.0.0.1:" + plein.server().port();
            var admin = new Client(base);
            admin.signIn(ADMIN, PASSWORD);
            project = admin.post("/api/projects", Fixtures.project("Outage", List.of("point"), false))
                    .expect(201).json().get("id").asLong();
            for (int i = 0; i < count; i++) {
                var resident = new Client(base);
                resident.post("/api/accounts", Map.of("email", "w" + i + "@outage.example", "password", PASSWORD,
                        "displayName", "W" + i)).expect(202);
                resident.signIn("w" + i + "@outage.example", PASSWORD);
                residents.add(resident);
            }
            threads = Executors.newFixedThreadPool(count);
            toClose.add(this);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            threads.shutdownNow();
            threads.awaitTermination(90, TimeUnit.SECONDS);
        }

        void start() {
            AtomicInteger serial = new AtomicInteger();
            for (Client resident : residents) {
                threads.submit(() -> {
                    while (running.get()) {
                        int n = serial.incrementAndGet();
                        long sent = System.nanoTime();
                        Client.Response response;
                        try {
                            response = resident.post("/api/projects/" + project + "/proposals",
                                    Fixtures.proposal(Fixtures.point(5.501 + (n % 90) * 0.0001, 52.505), "Write " + n));
                        } catch (AssertionError noAnswer) {
                            outcomes.add(new Outcome(sent, System.nanoTime(), -1, null, "", noAnswer.getMessage()));
                            continue;
                        }
                        long done = System.nanoTime();
                        if (response.status() == 201) {
                            acknowledged.add(response.json().get("id").asLong());
                        }
                        outcomes.add(new Outcome(sent, done, response.status(), response.header("Retry-After"),
                                String.valueOf(response.header("Content-Type")), response.body()));
                        if (response.status() == 503) {
                            sleepQuietly(100);
                        }
                    }
                });
            }
        }

        void awaitAcknowledged(int count) throws InterruptedException {
            await(() -> acknowledged.size() >= count, 120_000, "writes acknowledged: " + count);
        }

        void awaitUnavailable(long since, int count) throws InterruptedException {
            await(() -> outcomes.stream().filter(o -> o.sent >= since && o.status == 503).count() >= count, 60_000,
                    count + " answers 503");
        }

        /** When the first write sent after {@code since} was acknowledged. */
        long awaitServedAgainAfter(long since) throws InterruptedException {
            Predicate<Outcome> again = o -> o.sent > since && o.status == 201;
            await(() -> outcomes.stream().anyMatch(again), 90_000, "a write acknowledged again");
            return outcomes.stream().filter(again).mapToLong(Outcome::done).min().orElseThrow();
        }

        /**
         * When the first write sent after the outage showed was acknowledged. (Right after a kill,
         * a backend that has not yet noticed its postmaster's death may still commit one.)
         */
        long awaitServedAgainAfterAFailureSince(long since) throws InterruptedException {
            await(() -> outcomes.stream().anyMatch(o -> o.sent >= since && o.status != 201), 90_000,
                    "a write not acknowledged");
            long failed = outcomes.stream().filter(o -> o.sent >= since && o.status != 201)
                    .mapToLong(Outcome::sent).min().orElseThrow();
            return awaitServedAgainAfter(failed);
        }

        void stop() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            assertTrue(threads.awaitTermination(90, TimeUnit.SECONDS), "writers stopped");
        }

        private void await(java.util.function.BooleanSupplier condition, long timeoutMs, String what)
                throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMs;
            while (!condition.getAsBoolean()) {
                if (System.currentTimeMillis() > deadline) {
                    running.set(false);
                    throw new AssertionError("gave up waiting for " + what + "; answers so far: "
                            + outcomes.stream().collect(java.util.stream.Collectors.groupingBy(Outcome::status,
                            java.util.stream.Collectors.counting())));
                }
                Thread.sleep(50);
            }
        }

        private static void sleepQuietly(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
