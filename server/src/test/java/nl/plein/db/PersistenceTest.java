package nl.plein.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.plein.support.Client;
import nl.plein.support.Fixtures;
import nl.plein.support.TestPostgis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plein's own PostGIS keeps data across restarts and recovers, without help, from a server killed
 * with SIGKILL in the middle of writing. The server runs as a separate process, as in production.
 */
class PersistenceTest {
    private static final String ADMIN = "admin@persist.example";
    private static final String ADMIN_PASSWORD = "an admin password";
    Path dataDir;
    final List<Process> started = new ArrayList<>();

    @BeforeEach
    void folder() throws IOException {
        dataDir = Files.createTempDirectory(Path.of("target"), "persist-").toAbsolutePath();
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Process p : started) {
            p.destroy();
            p.waitFor(60, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
        TestPostgis.deleteRecursively(dataDir);
    }

    @Test
    void dataSurvivesARestartOfTheEmbeddedCluster() throws Exception {
        try (var postgres = EmbeddedPostgis.start(dataDir)) {
            try (var c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), EmbeddedPostgis.USER,
                    postgres.password()); var st = c.createStatement()) {
                st.execute("CREATE TABLE kept (v text)");
                st.execute("INSERT INTO kept VALUES ('still here')");
            }
        }
        assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "a clean stop leaves no pid file");
        try (var postgres = EmbeddedPostgis.start(dataDir);
             var c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), EmbeddedPostgis.USER, postgres.password());
             var st = c.createStatement(); var rs = st.executeQuery("SELECT v FROM kept")) {
            assertTrue(rs.next());
            assertEquals("still here", rs.getString(1));
        }
    }

    @Test
    void aServerKilledMidWriteComesBackWithEveryCommittedWriteAndNoHalfWrittenOne() throws Exception {
        int port = freePort();
        Process first = startServer(port);
        Client admin = new Client("http://127.0.0.1:" + port);
        admin.signIn(ADMIN, ADMIN_PASSWORD);
        long project = admin.post("/api/projects", Fixtures.project("Kill test", List.of("point"), false))
                .expect(201).json().get("id").asLong();
        var proposals = new ArrayList<Long>();
        for (int i = 0; i < 10; i++) {
            proposals.add(admin.post("/api/projects/" + project + "/proposals",
                    Fixtures.proposal(Fixtures.point(5.501 + i * 0.0005, 52.505), "P" + i)).expect(201).json()
                    .get("id").asLong());
        }
        var residents = new ArrayList<Client>();
        for (int i = 0; i < 4; i++) {
            var r = new Client("http://127.0.0.1:" + port);
            r.post("/api/accounts", Map.of("email", "r" + i + "@persist.example", "password", ADMIN_PASSWORD,
                    "displayName", "R" + i)).expect(202);
            r.signIn("r" + i + "@persist.example", ADMIN_PASSWORD);
            residents.add(r);
        }
        AtomicInteger writes = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(residents.size());
        for (Client r : residents) {
            pool.submit(() -> {
                for (int i = 0; !Thread.currentThread().isInterrupted() && i < 100_000; i++) {
                    long id = proposals.get(i % proposals.size());
                    try {
                        if (i % 3 == 2) {
                            r.delete("/api/proposals/" + id + "/support");
                        } else {
                            r.put("/api/proposals/" + id + "/support", Map.of());
                        }
                        writes.incrementAndGet();
                    } catch (AssertionError connectionGone) {
                        return;
                    }
                }
            });
        }
        while (writes.get() < 40) {
            Thread.sleep(20);
        }
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);

        // The killed server left its PostgreSQL behind; the next start must cope by itself.
        try (var postgres = EmbeddedPostgis.start(dataDir);
             var c = DriverManager.getConnection(postgres.jdbcUrl(EmbeddedPostgis.DATABASE), EmbeddedPostgis.USER,
                     postgres.password()); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FILTER (WHERE p.support_count <> "
                     + "(SELECT count(*) FROM supports s WHERE s.proposal_id = p.id)), count(*) FROM proposals p")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1), "every support count matches its rows");
            assertEquals(10, rs.getInt(2));
        }

        int again = freePort();
        startServer(again);
        Client back = new Client("http://127.0.0.1:" + again);
        back.signIn("r0@persist.example", ADMIN_PASSWORD);
        assertEquals(10, back.get("/api/proposals?project=" + project).expect(200).json().get("features").size());
    }

    private Process startServer(int port) throws Exception {
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "nl.plein.Main")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()));
        var env = builder.environment();
        env.remove("DATABASE_URL");
        env.put("PLEIN_DATA_DIR", dataDir.toString());
        env.put("PLEIN_PORT", Integer.toString(port));
        env.put("PLEIN_DEMO_CONTENT", "false");
        env.put("PLEIN_ADMIN_EMAIL", ADMIN);
        env.put("PLEIN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process process = builder.start();
        started.add(process);
        var client = new Client("http://127.0.0.1:" + port);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("Plein exited with " + process.exitValue() + ":\n"
                        + Files.readString(dataDir.resolve("server.log")));
            }
            try {
                if (client.get("/api/health").status() == 200) {
                    return process;
                }
            } catch (AssertionError notYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("Plein did not start within 3 minutes:\n" + Files.readString(dataDir.resolve("server.log")));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
