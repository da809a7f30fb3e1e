package nl.plein.bench;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import nl.plein.analysis.ProposalSelection;
import nl.plein.clusters.ClusterStore;
import nl.plein.db.Sql;

/**
 * Measures DBSCAN clusters at the size issue 5 names: 100,000 proposals in one project. Not a test:
 * run it with {@code ./plein bench clusters}. Proposals lie in 400 blobs of varying spread over a
 * 20 × 20 km square of the Dutch national grid, with a fifth of them scattered as noise.
 */
public final class ClusterBenchmark {
    private static final int RUNS = 7;
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    public static void main(String[] args) throws Exception {
        int proposals = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        BenchDatabase.run(4, dataSource -> {
            long start = System.nanoTime();
            long project = Sql.transaction(dataSource, c -> {
                Sql.one(c, "SELECT setseed(0.3)", rs -> 1);
                long set = Sql.one(c, "INSERT INTO area_sets (name, metric_srid) VALUES ('Bench', 28992) RETURNING id",
                        rs -> rs.getLong(1)).orElseThrow();
                Sql.update(c, "INSERT INTO areas (area_set_id, code, name, geom) VALUES (?, 'B', 'Bench',"
                        + " ST_Multi(ST_Transform(ST_MakeEnvelope(130000, 445000, 150000, 465000, 28992), 4326)))", set);
                long author = Sql.one(c, "INSERT INTO accounts (email, password_hash, display_name) VALUES"
                        + " ('bench@bench.example', 'x', 'Bench') RETURNING id", rs -> rs.getLong(1)).orElseThrow();
                long p = Sql.one(c, "INSERT INTO projects (title, area, categories) VALUES ('Bench',"
                        + " ST_Multi(ST_Transform(ST_MakeEnvelope(130000, 445000, 150000, 465000, 28992), 4326)),"
                        + " '{groen,verkeer,spelen}') RETURNING id", rs -> rs.getLong(1)).orElseThrow();
                Sql.update(c, "CREATE TEMPORARY TABLE blob ON COMMIT DROP AS SELECT g, 130000 + random() * 20000 AS x,"
                        + " 445000 + random() * 20000 AS y, 20 + random() * 150 AS spread FROM generate_series(0, 399) b(g)");
                Sql.update(c, """
                        INSERT INTO proposals (project_id, author_id, title, category, geom, status, support_count)
                        SELECT ?, ?, (ARRAY['Meer bomen', 'Veilige oversteek', 'Speeltuin', 'Bankjes in de schaduw',
                                            'Fietsenstalling'])[1 + n.g % 5] || ' ' || n.g,
                               (ARRAY['groen', 'verkeer', 'spelen'])[1 + n.g % 3],
                               ST_Transform(ST_SetSRID(CASE WHEN n.g % 5 = 0
                                   THEN ST_MakePoint(130000 + random() * 20000, 445000 + random() * 20000)
                                   ELSE ST_MakePoint(b.x + b.spread * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()),
                                                     b.y + b.spread * sqrt(-2 * ln(1 - random())) * sin(2 * pi() * random()))
                                   END, 28992), 4326),
                               'published', floor(random() * 50)::int
                          FROM generate_series(1, ?) n(g) JOIN blob b ON b.g = n.g % 400""", p, author, proposals);
                return p;
            });
            Sql.read(dataSource, c -> Sql.update(c, "VACUUM ANALYZE"));
            System.out.printf(Locale.ROOT, "%nDBSCAN over %,d proposals (generated in %.1f s)%n", proposals,
                    (System.nanoTime() - start) / 1e9);
            for (double eps : new double[] {50, 100, 250}) {
                var parameters = new ClusterStore.Parameters(eps, 5, ProposalSelection.ALL);
                var first = new ClusterStore(dataSource, Duration.ofMinutes(5), ZONE).clusters(project, parameters);
                double[] ms = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    var store = new ClusterStore(dataSource, Duration.ofMinutes(5), ZONE);
                    long t = System.nanoTime();
                    store.clusters(project, parameters);
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(ms);
                var cached = new ClusterStore(dataSource, Duration.ofMinutes(5), ZONE);
                cached.clusters(project, parameters);
                long t = System.nanoTime();
                cached.clusters(project, parameters);
                System.out.printf(Locale.ROOT, "  eps %5.0f m, minPoints 5: %,6d clusters, %,6d noise   median %7.1f ms"
                        + "   min %7.1f   max %7.1f  (%d runs; cached answer %.1f ms)%n", eps, first.clusters().size(),
                        first.noise(), ms[RUNS / 2], ms[0], ms[RUNS - 1], RUNS, (System.nanoTime() - t) / 1e6);
            }
        });
    }
}
