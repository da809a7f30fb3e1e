package nl.plein.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.plein.db.Jdbis;
import nl.plein.App;
import nl.plein.accounts.Viewer;
import nl.plein.config.Config;
import nl.plein.proposals.ProposalStore;

/**
 * Measures the proposal endpoints on 100,000 proposals: the bbox list (about 500 features) and the
 * single read, over real HTTP, next to the same store SQL run alone on the same pool. Not a test:
 * run it with {@code ./plein bench [seconds-per-phase] [threads]}.
 */
public final class ProposalBenchmark {
    private static final int PROPOSALS = 100_000;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        BenchDatabase.run(threads + 2, dataSource -> {
            long projectId = generate(dataSource);
            run(dataSource, projectId, seconds, threads);
        });
    }

    /** 100,000 proposals of all kinds, clustered around 40 centres in a 10 km square, in SQL. */
    private static long generate(HikariDataSource dataSource) {
        long start = System.nanoTime();
        var jdbi = Jdbis.create(dataSource);
        long projectId = jdbi.inTransaction(h -> {
            long author = h.createQuery("INSERT INTO accounts (email, password_hash, display_name) "
                    + "VALUES ('bench@plein.example', 'x', 'Bench') RETURNING id").mapTo(Long.class).one();
            long project = h.createQuery("INSERT INTO projects (title, area, categories) VALUES ('Bench', "
                    + "ST_Multi(ST_MakeEnvelope(5.40, 52.45, 5.55, 52.54, 4326)), '{green,play,traffic}') RETURNING id")
                    .mapTo(Long.class).one();
            h.createQuery("SELECT setseed(0.42)").map((rs, ctx) -> 1).one();
            h.createUpdate("""
                    INSERT INTO proposals (project_id, author_id, title, description, category, geom, status, support_count)
                    SELECT :project, :author, 'Voorstel ' || g, 'Beschrijving van voorstel ' || g,
                           (ARRAY['green','play','traffic'])[1 + g % 3],
                           CASE g % 10 WHEN 0 THEN ST_MakeLine(pt, ST_Translate(pt, 0.002, 0.001))
                                       WHEN 1 THEN ST_Expand(pt, 0.0004)
                                       ELSE pt END,
                           'published', 0
                      FROM (SELECT g, ST_SetSRID(ST_MakePoint(
                                       least(5.547, greatest(5.401, cx + 0.012 * sqrt(-2 * ln(random())) * cos(2 * pi() * random()))),
                                       least(52.538, greatest(52.451, cy + 0.008 * sqrt(-2 * ln(random())) * sin(2 * pi() * random())))),
                                   4326) AS pt
                              FROM (SELECT g, 5.41 + 0.13 * ((g % 40) * 0.6180339887 % 1) AS cx,
                                           52.46 + 0.07 * ((g % 40) * 0.7548776662 % 1) AS cy
                                      FROM generate_series(1, :proposals) g) centres) points""")
                    .bind("project", project).bind("author", author).bind("proposals", PROPOSALS).execute();
            return project;
        });
        jdbi.useHandle(h -> h.execute("VACUUM ANALYZE proposals"));
        System.out.printf(Locale.ROOT, "Generated %,d proposals in %.1f s%n", PROPOSALS, (System.nanoTime() - start) / 1e9);
        return projectId;
    }

    private static void run(HikariDataSource dataSource, long projectId, int seconds, int threads) throws Exception {
        List<double[]> boxes = boxesOfAbout500(dataSource, 50);
        double meanCount = boxes.stream().mapToDouble(b -> b[4]).average().orElse(0);
        System.out.printf(Locale.ROOT, "%d bboxes, %.0f features each on average%n", boxes.size(), meanCount);
        var jdbi = Jdbis.create(dataSource);
        List<Long> ids = jdbi.withHandle(h -> h.createQuery("SELECT id FROM proposals ORDER BY random() LIMIT 2000")
                .mapTo(Long.class).list());

        var store = new ProposalStore(jdbi);
        var config = Config.fromEnvironment(Map.of("PLEIN_DEMO_CONTENT", "false", "PLEIN_DB_POOL_SIZE",
                Integer.toString(threads + 2)));
        Javalin app = App.create(config, dataSource).start("127.0.0.1", 0);
        ThreadLocal<RawHttpClient> http = ThreadLocal.withInitial(() -> new RawHttpClient("127.0.0.1", app.port()));
        try {
            AtomicInteger next = new AtomicInteger();
            Callable<Integer> sqlList = () -> {
                double[] b = boxes.get(Math.floorMod(next.getAndIncrement(), boxes.size()));
                return store.list(Viewer.ANONYMOUS, new ProposalStore.Filter(Optional.of(projectId),
                        Optional.of(Arrays.copyOf(b, 4)), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty()),
                        Optional.empty(), Optional.empty(), 1000).size();
            };
            Callable<Integer> httpList = () -> {
                double[] b = boxes.get(Math.floorMod(next.getAndIncrement(), boxes.size()));
                return http.get().get(String.format(Locale.ROOT,
                        "/api/proposals?project=%d&bbox=%f,%f,%f,%f&limit=1000", projectId, b[0], b[1], b[2], b[3]));
            };
            Callable<Integer> sqlOne = () -> store.feature(Viewer.ANONYMOUS,
                    ids.get(Math.floorMod(next.getAndIncrement(), ids.size()))).orElseThrow().length();
            Callable<Integer> httpNothing = () -> http.get().get("/api/session");
            Callable<Integer> httpOne = () -> http.get().get("/api/proposals/"
                    + ids.get(Math.floorMod(next.getAndIncrement(), ids.size())));

            System.out.printf(Locale.ROOT, "%nEach phase: %d s warm-up excluded; concurrency %d; 2 cores shared by client, server and PostgreSQL%n",
                    seconds, threads);
            System.out.printf(Locale.ROOT, "%-34s %10s %10s %10s %10s%n", "", "median ms", "p99 ms", "req/s", "requests");
            for (var phase : List.of(
                    new Phase("bbox list, SQL alone, 1 thread", sqlList, 1),
                    new Phase("bbox list, HTTP, 1 thread", httpList, 1),
                    new Phase("bbox list, SQL alone, " + threads + " threads", sqlList, threads),
                    new Phase("bbox list, HTTP, " + threads + " threads", httpList, threads),
                    new Phase("single read, SQL alone, 1 thread", sqlOne, 1),
                    new Phase("single read, HTTP, 1 thread", httpOne, 1),
                    new Phase("single read, SQL alone, " + threads + " threads", sqlOne, threads),
                    new Phase("single read, HTTP, " + threads + " threads", httpOne, threads),
                    // The floor: an endpoint that touches no database, to show what HTTP itself costs here.
                    new Phase("no-database endpoint, HTTP, 1 thread", httpNothing, 1),
                    new Phase("no-database endpoint, HTTP, " + threads + " thr.", httpNothing, threads))) {
                measure(phase, Math.max(5, seconds / 3), false);
                measure(phase, seconds, true);
            }
            String plan = jdbi.withHandle(h -> h.createQuery("EXPLAIN (ANALYZE, FORMAT TEXT) SELECT id FROM proposals p "
                    + "WHERE p.project_id = :project AND p.geom && ST_MakeEnvelope(:west, :south, :east, :north, 4326)")
                    .bind("project", projectId).bind("west", boxes.get(0)[0]).bind("south", boxes.get(0)[1])
                    .bind("east", boxes.get(0)[2]).bind("north", boxes.get(0)[3]).mapTo(String.class).list()).get(0);
            System.out.println("\nIndex use (first plan line): " + plan.trim());
        } finally {
            app.stop();
        }
    }

    private record Phase(String name, Callable<Integer> task, int threads) {
    }

    private static void measure(Phase phase, int seconds, boolean report) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(phase.threads());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        var futures = new ArrayList<Future<long[]>>();
        long started = System.nanoTime();
        for (int t = 0; t < phase.threads(); t++) {
            futures.add(pool.submit(() -> {
                long[] samples = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end && n < samples.length) {
                    long t0 = System.nanoTime();
                    phase.task().call();
                    samples[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(samples, n);
            }));
        }
        var all = new ArrayList<Long>();
        for (var f : futures) {
            for (long s : f.get()) {
                all.add(s);
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        if (!report) {
            return;
        }
        all.sort(null);
        double median = all.get(all.size() / 2) / 1e6;
        double p99 = all.get(Math.min(all.size() - 1, (int) Math.ceil(all.size() * 0.99) - 1)) / 1e6;
        System.out.printf(Locale.ROOT, "%-34s %10.2f %10.2f %10.1f %10d%n", phase.name(), median, p99,
                all.size() / elapsed, all.size());
    }

    /** Bboxes around random proposals, each grown or shrunk until it holds about 500 features. */
    private static List<double[]> boxesOfAbout500(HikariDataSource dataSource, int count) {
        var random = new SplittableRandom(7);
        var jdbi = Jdbis.create(dataSource);
        List<double[]> centres = jdbi.withHandle(h -> h.createQuery(
                "SELECT ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom)) FROM proposals ORDER BY id")
                .map((rs, ctx) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).list());
        var boxes = new ArrayList<double[]>();
        while (boxes.size() < count) {
            double[] centre = centres.get(random.nextInt(centres.size()));
            double low = 0.0001;
            double high = 0.2;
            double[] best = null;
            for (int i = 0; i < 30; i++) {
                double half = (low + high) / 2;
                double[] box = {centre[0] - half, centre[1] - half * 0.6, centre[0] + half, centre[1] + half * 0.6};
                long n = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM proposals WHERE geom && "
                        + "ST_MakeEnvelope(:west, :south, :east, :north, 4326)"
                        + " AND ST_Intersects(geom, ST_MakeEnvelope(:west, :south, :east, :north, 4326))")
                        .bind("west", box[0]).bind("south", box[1]).bind("east", box[2]).bind("north", box[3])
                        .mapTo(Long.class).one());
                best = new double[] {box[0], box[1], box[2], box[3], n};
                if (Math.abs(n - 500) <= 25) {
                    break;
                }
                if (n > 500) {
                    high = half;
                } else {
                    low = half;
                }
            }
            if (Math.abs(best[4] - 500) <= 50) {
                boxes.add(best);
            }
        }
        return boxes;
    }
}
