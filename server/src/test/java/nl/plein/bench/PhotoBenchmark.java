package nl.plein.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import nl.plein.App;
import nl.plein.accounts.Passwords;
import nl.plein.config.Config;
import nl.plein.db.Jdbis;
import nl.plein.photos.TestImages;
import nl.plein.support.Client;
import nl.plein.support.Multipart;
import nl.plein.support.Together;

/**
 * Photo uploads over loopback HTTP: a 12-megapixel camera JPEG (4000 × 3000, EXIF orientation and
 * GPS) uploaded, checked, decoded, turned upright and re-encoded at display and thumbnail size, one at
 * a time (target: under 1.5 s each), then 20 at once, reporting the time and the heap used (sampled
 * every 5 ms, and the sum of the heap pools' peaks). Server and client share this JVM, so the heap
 * figures include the client's 20 request bodies. Not a test: run it with {@code ./plein bench photos}.
 */
public final class PhotoBenchmark {
    private static final int AT_ONCE = 20;
    private static final int ONE_BY_ONE = 8;
    private static final String PASSWORD = "bench password";

    public static void main(String[] args) throws Exception {
        int atOnce = args.length > 0 ? Integer.parseInt(args[0]) : AT_ONCE;
        BenchDatabase.run(atOnce + 4, dataSource -> {
            long[] proposals = new long[ONE_BY_ONE + 3 + atOnce];
            long projectId = Jdbis.create(dataSource).inTransaction(h -> {
                long author = h.createQuery("INSERT INTO accounts (email, password_hash, display_name, role) "
                        + "VALUES ('photographer@bench.example', :hash, 'Photographer', 'resident') RETURNING id")
                        .bind("hash", Passwords.hash(PASSWORD)).mapTo(Long.class).one();
                long project = h.createQuery("INSERT INTO projects (title, area) VALUES ('Photo bench', ST_Multi("
                        + "ST_MakeEnvelope(5.50, 52.50, 5.51, 52.51, 4326))) RETURNING id").mapTo(Long.class).one();
                for (int i = 0; i < proposals.length; i++) {
                    proposals[i] = h.createQuery("INSERT INTO proposals (project_id, author_id, title, geom, status) "
                            + "VALUES (:project, :author, :title, ST_SetSRID(ST_MakePoint(5.505, 52.505), 4326),"
                            + " 'published') RETURNING id").bind("project", project).bind("author", author)
                            .bind("title", "Proposal " + (i + 1)).mapTo(Long.class).one();
                }
                return project;
            });
            var app = App.create(Config.fromEnvironment(Map.of("PLEIN_DEMO_CONTENT", "false")), dataSource)
                    .start("127.0.0.1", 0);
            try {
                run("http://127.0.0.1:" + app.port(), proposals, atOnce);
            } finally {
                app.stop();
            }
            System.out.println("(project " + projectId + ")");
        });
    }

    private static void run(String base, long[] proposals, int atOnce) throws Exception {
        byte[] camera = TestImages.withExif(TestImages.jpeg(TestImages.photoLike(4000, 3000, 12)), 6);
        System.out.printf(Locale.ROOT, "A 4000 × 3000 camera JPEG of %.1f MB; heap limit %d MB; %d processors%n",
                camera.length / 1e6, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        // One form for every upload: the client, in this JVM too, holds one copy of the body, not twenty.
        var form = Multipart.photo(camera, "A street");
        String type = form.contentType();
        byte[] body = form.bytes();
        var client = new Client(base);
        client.signIn("photographer@bench.example", PASSWORD);
        int next = 0;
        for (int i = 0; i < 3; i++) {
            upload(client, proposals[next++], type, body);
        }
        long[] times = new long[ONE_BY_ONE];
        for (int i = 0; i < ONE_BY_ONE; i++) {
            long start = System.nanoTime();
            upload(client, proposals[next++], type, body);
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "One at a time (%d, after 3 to warm up): median %.0f ms, min %.0f ms, max %.0f ms"
                + " (target < 1500 ms)%n", ONE_BY_ONE, times[ONE_BY_ONE / 2] / 1e6, times[0] / 1e6,
                times[ONE_BY_ONE - 1] / 1e6);

        System.gc();
        long before = heapUsed();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        var sampledPeak = new AtomicLong(before);
        var running = new AtomicBoolean(true);
        var sampler = new Thread(() -> {
            while (running.get()) {
                sampledPeak.accumulateAndGet(heapUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        var tasks = new ArrayList<Callable<Long>>();
        for (int i = 0; i < atOnce; i++) {
            long proposal = proposals[next++];
            tasks.add(() -> {
                long start = System.nanoTime();
                upload(client, proposal, type, body);
                return System.nanoTime() - start;
            });
        }
        long start = System.nanoTime();
        List<Long> each = Together.run(tasks);
        long wall = System.nanoTime() - start;
        running.set(false);
        sampler.join();
        long poolPeaks = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        long[] sorted = each.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%d at once: all done in %.0f ms; each median %.0f ms, max %.0f ms%n", atOnce,
                wall / 1e6, sorted[sorted.length / 2] / 1e6, sorted[sorted.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "Heap: %d MB in use before, peak %d MB sampled (every 5 ms), %d MB as the sum"
                + " of the heap pools' peaks; limit %d MB%n", before >> 20, sampledPeak.get() >> 20, poolPeaks >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void upload(Client client, long proposal, String type, byte[] body) {
        client.raw("POST", "/api/proposals/" + proposal + "/photos", type, body).expect(201);
    }
}
