package nl.plein.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.plein.App;
import nl.plein.accounts.Passwords;
import nl.plein.config.Config;
import nl.plein.db.Jdbis;
import nl.plein.support.Together;

/**
 * A live meeting under load, over loopback HTTP: 200 attendees join at once, then at once each
 * comments on a proposal, supports one and answers the open question, while a screen follows the
 * meeting's server-sent events. Checks that every count is exact, and measures each write's time
 * and how long after a comment's write the screen shows it (median, p95, max). Not a test: run it
 * with {@code ./plein bench meeting [attendees]}.
 */
public final class MeetingBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PROPOSALS = 5;
    private static final int OPTIONS = 4;

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private MeetingBenchmark(String base) {
        this.base = base;
    }

    /** One phone: its session cookie and CSRF token. */
    private record Phone(String cookie, String csrf) {
    }

    private record Reply(int status, JsonNode body, String cookie) {
    }

    public static void main(String[] args) throws Exception {
        int attendees = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        BenchDatabase.run(20, dataSource -> {
            long[] proposals = new long[PROPOSALS];
            long projectId = Jdbis.create(dataSource).inTransaction(h -> {
                h.createUpdate("INSERT INTO accounts (email, password_hash, display_name, role) "
                        + "VALUES ('planner@bench.example', :hash, 'Planner', 'planner')")
                        .bind("hash", Passwords.hash("bench password")).execute();
                long author = h.createQuery("SELECT id FROM accounts").mapTo(Long.class).one();
                long project = h.createQuery("INSERT INTO projects (title, area) VALUES ('Meeting bench', ST_Multi("
                        + "ST_MakeEnvelope(5.50, 52.50, 5.51, 52.51, 4326))) RETURNING id").mapTo(Long.class).one();
                for (int i = 0; i < PROPOSALS; i++) {
                    proposals[i] = h.createQuery("INSERT INTO proposals (project_id, author_id, title, geom, status) "
                            + "VALUES (:project, :author, :title, ST_SetSRID(ST_MakePoint(5.505, 52.505), 4326), 'published')"
                            + " RETURNING id").bind("project", project).bind("author", author)
                            .bind("title", "Proposal " + (i + 1)).mapTo(Long.class).one();
                }
                return project;
            });
            var env = Map.of("PLEIN_DEMO_CONTENT", "false", "PLEIN_MEETING_JOINS_PER_ADDRESS", "100000");
            var app = App.create(Config.fromEnvironment(env), dataSource).start("127.0.0.1", 0);
            try {
                new MeetingBenchmark("http://127.0.0.1:" + app.port()).run(attendees, projectId, proposals, dataSource);
            } finally {
                app.stop();
            }
        });
    }

    private void run(int attendees, long projectId, long[] proposals, javax.sql.DataSource dataSource)
            throws Exception {
        Reply signIn = send("POST", "/api/session", null, Map.of("email", "planner@bench.example",
                "password", "bench password"));
        Phone planner = new Phone(signIn.cookie(), signIn.body().get("csrfToken").asText());
        JsonNode meeting = send("POST", "/api/projects/" + projectId + "/meetings", planner, Map.of()).body();
        long meetingId = meeting.get("id").asLong();
        String code = meeting.get("code").asText();
        String m = "/api/meetings/" + meetingId;
        long question = send("POST", m + "/questions", planner, Map.of("kind", "choice", "prompt", "Which one?",
                "options", List.of("A", "B", "C", "D"))).body().get("id").asLong();

        var screen = new Screen(http, URI.create(base + m + "/events"), planner.cookie());
        screen.awaitFirstState();

        var joinTimes = new CopyOnWriteArrayList<Double>();
        List<Phone> phones = atOnce(attendees, i -> {
            long start = System.nanoTime();
            Reply joined = send("POST", "/api/meetings/join", null, Map.of("code", code, "displayName", "Guest " + i));
            joinTimes.add(ms(start));
            require(joined.status() == 201, "join " + joined.status());
            return new Phone(joined.cookie(), joined.body().get("csrfToken").asText());
        });
        System.out.printf(Locale.ROOT, "%d attendees joined at once%n", attendees);
        print("join", joinTimes);

        var writeTimes = new ConcurrentHashMap<String, List<Double>>();
        var commentWritten = new ConcurrentHashMap<Long, Long>();
        long burstStart = System.nanoTime();
        atOnce(attendees, i -> {
            Phone phone = phones.get(i);
            long proposal = proposals[i % PROPOSALS];
            long start = System.nanoTime();
            Reply comment = send("POST", m + "/proposals/" + proposal + "/comments", phone,
                    Map.of("body", "Comment " + i));
            long done = System.nanoTime();
            require(comment.status() == 201, "comment " + comment.status());
            commentWritten.put(comment.body().get("id").asLong(), done);
            writeTimes.computeIfAbsent("comment", k -> new CopyOnWriteArrayList<>()).add((done - start) / 1e6);
            start = System.nanoTime();
            require(send("PUT", m + "/proposals/" + proposal + "/support", phone, Map.of()).status() == 200, "support");
            writeTimes.computeIfAbsent("support", k -> new CopyOnWriteArrayList<>()).add(ms(start));
            start = System.nanoTime();
            require(send("PUT", m + "/questions/" + question + "/answer", phone, Map.of("choice", i % OPTIONS))
                    .status() == 200, "answer");
            writeTimes.computeIfAbsent("answer", k -> new CopyOnWriteArrayList<>()).add(ms(start));
            return null;
        });
        double burst = ms(burstStart);
        System.out.printf(Locale.ROOT, "%d attendees commented, supported and answered at once: %.0f ms for all %d writes%n",
                attendees, burst, 3 * attendees);
        writeTimes.forEach(MeetingBenchmark::print);

        JsonNode settled = screen.awaitState(s -> s.get("question").get("answers").asInt() == attendees
                && s.get("attendees").asInt() == attendees, 10_000);
        check(settled, attendees, proposals, dataSource, meetingId);
        var latencies = screen.commentLatencies(commentWritten);
        System.out.printf(Locale.ROOT, "write → screen (SSE) for the %d comments:%n", latencies.size());
        print("comment shown", latencies);
        System.out.printf(Locale.ROOT, "the screen received %d state events%n", screen.events());
        send("POST", m + "/close", planner, Map.of());
        screen.close();
    }

    private void check(JsonNode state, int attendees, long[] proposals, javax.sql.DataSource dataSource, long meetingId)
            throws Exception {
        for (int option = 0; option < OPTIONS; option++) {
            int expected = attendees / OPTIONS + (option < attendees % OPTIONS ? 1 : 0);
            int got = state.get("question").get("results").get(option).get("count").asInt();
            require(got == expected, "option " + option + ": " + got + " answers, expected " + expected);
        }
        for (int p = 0; p < PROPOSALS; p++) {
            int expected = attendees / PROPOSALS + (p < attendees % PROPOSALS ? 1 : 0);
            JsonNode proposal = send("GET", "/api/proposals/" + proposals[p], null, null).body();
            int supports = proposal.get("properties").get("supportCount").asInt();
            require(supports == expected, "proposal " + p + ": " + supports + " supports, expected " + expected);
        }
        var jdbi = Jdbis.create(dataSource);
        long comments = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM comments WHERE meeting_id = :meeting")
                .bind("meeting", meetingId).mapTo(Long.class).one());
        long supports = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM supports WHERE meeting_id = :meeting")
                .bind("meeting", meetingId).mapTo(Long.class).one());
        require(comments == attendees && supports == attendees, comments + " comments and " + supports
                + " supports stored, expected " + attendees + " each");
        System.out.printf(Locale.ROOT, "counts exact: %d attendees, %d answers (per option as sent), %d supports, "
                + "%d comments%n", attendees, attendees, supports, comments);
    }

    /** The screen: one SSE subscriber, as a planner's projector would be. */
    private static final class Screen {
        private final List<JsonNode> states = new CopyOnWriteArrayList<>();
        private final List<Long> arrivals = new CopyOnWriteArrayList<>();
        private final Future<?> reader;

        Screen(HttpClient http, URI uri, String cookie) throws Exception {
            var response = http.send(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofLines());
            require(response.statusCode() == 200, "events " + response.statusCode());
            reader = Executors.newSingleThreadExecutor().submit(() -> {
                response.body().filter(line -> line.startsWith("data:")).forEach(line -> {
                    long now = System.nanoTime();
                    try {
                        states.add(JSON.readTree(line.substring(5).strip()));
                        arrivals.add(now);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                return null;
            });
        }

        void awaitFirstState() throws InterruptedException {
            awaitState(s -> true, 5000);
        }

        JsonNode awaitState(java.util.function.Predicate<JsonNode> test, long withinMs) throws InterruptedException {
            long deadline = System.currentTimeMillis() + withinMs;
            while (System.currentTimeMillis() < deadline) {
                for (int i = states.size() - 1; i >= 0; i--) {
                    if (test.test(states.get(i))) {
                        return states.get(i);
                    }
                }
                Thread.sleep(5);
            }
            throw new IllegalStateException("the screen did not reach the expected state within " + withinMs + " ms");
        }

        /**
         * For each comment, from its write's response to the first state that shows it. The feed
         * holds the newest 50; a comment that 50 newer ones pushed out before any state showed it
         * counts as shown by the first state whose oldest comment is newer (it was committed).
         */
        List<Double> commentLatencies(Map<Long, Long> written) {
            var latencies = new ArrayList<Double>();
            written.forEach((id, writtenAt) -> {
                for (int i = 0; i < states.size(); i++) {
                    if (arrivals.get(i) < writtenAt) {
                        continue;
                    }
                    JsonNode feed = states.get(i).get("comments");
                    boolean shown = false;
                    long oldest = Long.MAX_VALUE;
                    for (JsonNode comment : feed) {
                        shown |= comment.get("id").asLong() == id;
                        oldest = Math.min(oldest, comment.get("id").asLong());
                    }
                    if (shown || feed.size() >= 50 && oldest > id) {
                        latencies.add((arrivals.get(i) - writtenAt) / 1e6);
                        return;
                    }
                }
            });
            return latencies;
        }

        int events() {
            return states.size();
        }

        void close() {
            reader.cancel(true);
        }
    }

    @FunctionalInterface
    private interface Task<T> {
        T run(int index) throws Exception;
    }

    /** Runs the task for every index on threads of their own, released together. */
    private static <T> List<T> atOnce(int count, Task<T> task) throws Exception {
        var tasks = new ArrayList<Callable<T>>();
        for (int i = 0; i < count; i++) {
            int index = i;
            tasks.add(() -> task.run(index));
        }
        return Together.run(tasks);
    }

    private Reply send(String method, String path, Phone phone, Object body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(base + path));
        if (phone != null) {
            builder.header("Cookie", phone.cookie()).header("X-CSRF-Token", phone.csrf());
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        String cookie = response.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse(null);
        JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Reply(response.statusCode(), json, cookie);
    }

    private static void print(String what, List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "  %-14s n=%d  median %.1f ms  p95 %.1f ms  max %.1f ms%n", what, sorted.length,
                percentile(sorted, 0.5), percentile(sorted, 0.95), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("benchmark check failed: " + message);
        }
    }
}
