package nl.plein.meetings;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A meeting's screens follow it through server-sent events: a write shows within 2 s, a hide too. */
class LiveEventsTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The data lines of the stream's events, as they arrive, and the stream to close. */
    record Events(BlockingQueue<String> data, Stream<String> lines) implements AutoCloseable {
        static Events open(String url) throws Exception {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            var queue = new LinkedBlockingQueue<String>();
            Stream<String> lines = response.body();
            Thread reader = new Thread(() -> {
                try {
                    lines.filter(l -> l.startsWith("data:")).forEach(l -> queue.add(l.substring(5).strip()));
                } catch (java.io.UncheckedIOException closed) {
                    // the test closed the stream
                }
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
            return new Events(queue, lines);
        }

        /** Waits for a state that passes the test; returns how long it took, in ms. */
        long await(Predicate<String> test, long withinMs) throws InterruptedException {
            long start = System.nanoTime();
            long deadline = start + TimeUnit.MILLISECONDS.toNanos(withinMs);
            while (System.nanoTime() < deadline) {
                String event = data.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null && test.test(event)) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
            }
            throw new AssertionError("no such event within " + withinMs + " ms");
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    @Test
    void aNewCommentReachesTheScreenWithinTwoSecondsAndAHideTakesItAway() throws Exception {
        var admin = server.signedIn("admin@test.example", Role.ADMIN);
        var planner = server.signedIn("planner@test.example", Role.PLANNER);
        var moderator = server.signedIn("mod@test.example", Role.MODERATOR);
        long projectId = admin.post("/api/projects", project("Live", List.of("point"), false)).expect(201).json()
                .get("id").asLong();
        long proposalId = admin.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, "Trees"))
                .expect(201).json().get("id").asLong();
        var meeting = planner.post("/api/projects/" + projectId + "/meetings", Map.of()).expect(201).json();
        long meetingId = meeting.get("id").asLong();
        Client phone = MeetingApiTest.guest(server, meeting.get("code").asText(), "Sem");

        try (var screen = Events.open(server.baseUrl + "/api/meetings/" + meetingId + "/events")) {
            screen.await(state -> state.contains("\"code\":\"" + meeting.get("code").asText()), 2000);
            long commentId = phone.post("/api/meetings/" + meetingId + "/proposals/" + proposalId + "/comments",
                    Map.of("body", "Plant more oaks")).expect(201).json().get("id").asLong();
            long shown = screen.await(state -> state.contains("Plant more oaks"), 2000);
            assertTrue(shown < 2000, "shown after " + shown + " ms");

            moderator.post("/api/comments/" + commentId + "/hide", Map.of("reason", "Testing")).expect(201);
            screen.await(state -> !state.contains("Plant more oaks"), 2000);

            // A comment made outside the meeting, on the same project, pushes the state too (counts change).
            admin.post("/api/proposals/" + proposalId + "/comments", feature(null, Map.of("body", "Online")))
                    .expect(201);
            screen.await(state -> state.contains("\"commentCount\":1"), 2000);

            // The listening connection breaks (a restart, a proxy): the thread reconnects and goes on.
            int killed = Jdbis.create(server.dataSource).withHandle(h -> h.createQuery("""
                    SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                     WHERE datname = current_database() AND application_name = 'plein-meeting-updates'""")
                    .mapTo(Integer.class).one());
            assertEquals(1, killed, "one connection listens");
            phone.post("/api/meetings/" + meetingId + "/proposals/" + proposalId + "/comments",
                    Map.of("body", "After the break")).expect(201);
            screen.await(state -> state.contains("After the break"), 5000);

            planner.post("/api/meetings/" + meetingId + "/close", Map.of()).expect(200);
            screen.await(state -> state.contains("\"open\":false"), 2000);
        }
        server.anonymous().get("/api/meetings/" + meetingId + "/events").expect(400);
    }
}
