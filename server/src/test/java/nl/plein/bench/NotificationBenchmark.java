package nl.plein.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import nl.plein.App;
import nl.plein.accounts.AccountStore;
import nl.plein.accounts.Passwords;
import nl.plein.accounts.Role;
import nl.plein.config.Config;
import nl.plein.db.Jdbis;
import nl.plein.following.EmailDigest;
import nl.plein.following.Mailer;
import nl.plein.support.Client;
import nl.plein.support.Fixtures;

/**
 * Following at scale, over loopback HTTP on a fresh embedded PostGIS and a real SMTP server
 * (GreenMail): a project with 10,000 (or FOLLOWERS) followers, one planner's decision. Measures the
 * decision's request, which queues every follower's notification in its own transaction (target
 * under 1 s), then one e-mail digest run to everyone, on a thread of its own as the server runs
 * it, while requests are served and timed. Not a test: run it with
 * {@code ./plein bench notifications [FOLLOWERS]}.
 */
public final class NotificationBenchmark {
    private NotificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int followers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        var smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            BenchDatabase.run(10, dataSource -> {
                var config = Config.fromEnvironment(Map.of("PLEIN_DEMO_CONTENT", "false",
                        "PLEIN_SMTP_HOST", "127.0.0.1", "PLEIN_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                        "PLEIN_SMTP_SECURITY", "none", "PLEIN_SMTP_FROM", "plein@bench.example",
                        "PLEIN_PUBLIC_URL", "https://plein.example", "PLEIN_DIGEST_SECONDS", "604800"));
                var app = App.create(config, dataSource).start("127.0.0.1", 0);
                try {
                    run(dataSource, config, "http://127.0.0.1:" + app.port(), followers, smtp);
                } finally {
                    app.stop();
                }
            });
        } finally {
            smtp.stop();
        }
    }

    private static Client person(javax.sql.DataSource dataSource, String base, String email, Role role) {
        new AccountStore(Jdbis.create(dataSource)).create(email, Passwords.hash("bench password 1"),
                email.split("@")[0], java.util.Optional.empty(), role);
        var client = new Client(base);
        client.signIn(email, "bench password 1");
        return client;
    }

    private static void run(javax.sql.DataSource dataSource, Config config, String base, int followers, GreenMail smtp)
            throws Exception {
        var jdbi = Jdbis.create(dataSource);
        var admin = person(dataSource, base, "admin@bench.example", Role.ADMIN);
        var planner = person(dataSource, base, "planner@bench.example", Role.PLANNER);
        var author = person(dataSource, base, "author@bench.example", Role.RESIDENT);
        long projectId = admin.post("/api/projects", Fixtures.project("Bench", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        long proposalId = author.post("/api/projects/" + projectId + "/proposals",
                Fixtures.proposal(Fixtures.INSIDE_POINT, "Bench by the pond")).expect(201).json().get("id").asLong();
        jdbi.useHandle(h -> {
            h.createUpdate("INSERT INTO accounts (email, password_hash, display_name) "
                    + "SELECT 'follower' || g || '@bench.example', 'not a hash', 'Follower ' || g "
                    + "FROM generate_series(1, :n) g").bind("n", followers).execute();
            h.createUpdate("INSERT INTO follows (account_id, kind, target_id) SELECT id, 'project', :project "
                    + "FROM accounts WHERE email LIKE 'follower%@bench.example'").bind("project", projectId).execute();
            h.execute("ANALYZE accounts");
            h.execute("ANALYZE follows");
        });
        System.out.printf("%,d followers of project %d%n", followers, projectId);

        // Warm the path once on another proposal, so the figure is the decision, not the first request.
        long warm = author.post("/api/projects/" + projectId + "/proposals",
                Fixtures.proposal(Fixtures.INSIDE_POINT, "Warm-up")).expect(201).json().get("id").asLong();
        planner.post("/api/proposals/" + warm + "/decisions", Map.of("status", "rejected", "reason", "Warm-up"))
                .expect(201);
        jdbi.useHandle(h -> h.execute("DELETE FROM notifications"));

        long start = System.nanoTime();
        planner.post("/api/proposals/" + proposalId + "/decisions",
                Map.of("status", "under_consideration", "reason", "We look at it")).expect(201);
        double queueMs = (System.nanoTime() - start) / 1e6;
        long queued = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM notifications").mapTo(Long.class).one());
        System.out.printf("decision request, queueing the followers' notifications in its transaction: %.0f ms "
                + "(%,d queued; target < 1000 ms)%n", queueMs, queued);

        var digest = new EmailDigest(jdbi, new Mailer(config.smtp().orElseThrow()), "nl", "https://plein.example");
        long digestStart = System.nanoTime();
        CompletableFuture<EmailDigest.Run> running = CompletableFuture.supplyAsync(digest::run);
        var latencies = new ArrayList<Double>();
        var reader = new Client(base);
        while (!running.isDone()) {
            long t = System.nanoTime();
            reader.get("/api/projects/" + projectId).expect(200);
            author.get("/api/following/unread").expect(200);
            latencies.add((System.nanoTime() - t) / 1e6 / 2);
            Thread.sleep(20);
        }
        EmailDigest.Run run = running.get();
        double digestS = (System.nanoTime() - digestStart) / 1e9;
        System.out.printf("digest run: %,d e-mails sent, %d failed, in %.1f s (%.0f per second); GreenMail holds %,d%n",
                run.sent(), run.failed(), digestS, run.sent() / digestS, smtp.getReceivedMessages().length);
        Collections.sort(latencies);
        if (!latencies.isEmpty()) {
            System.out.printf("requests served during the run: %,d; median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    latencies.size() * 2, latencies.get(latencies.size() / 2),
                    latencies.get((int) (latencies.size() * 0.95)), latencies.get(latencies.size() - 1));
        }
        System.out.printf("a second run sends %d e-mails%n", digest.run().sent());
    }
}
