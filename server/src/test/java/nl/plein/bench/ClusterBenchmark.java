package nl.plein.bench;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import javax.sql.DataSource;
import nl.plein.analysis.Analyses;
import nl.plein.analysis.Selection;
import nl.plein.analysis.SmallCounts;
import nl.plein.clusters.ClusterParameters;
import nl.plein.clusters.Clusters;
import nl.plein.db.Jdbis;

/**
 * Measures DBSCAN clusters at the size issue 5 names: 100,000 proposals in one project. Not a test:
 * run it with {@code ./plein bench clusters}. The proposals are {@link BlobProposals}.
 */
public final class ClusterBenchmark {
    private static final int RUNS = 7;
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private static final Clusters CLUSTERS = new Clusters();

    /** A kit with an empty cache, so that each run computes. */
    private static Analyses analyses(DataSource dataSource) {
        return new Analyses(Jdbis.create(dataSource), Duration.ofMinutes(5), ZONE,
                new SmallCounts(SmallCounts.DEFAULT_THRESHOLD), 64);
    }

    public static void main(String[] args) throws Exception {
        int proposals = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        BenchDatabase.run(4, dataSource -> {
            long start = System.nanoTime();
            long project = BlobProposals.generate(dataSource, proposals);
            System.out.printf(Locale.ROOT, "%nDBSCAN over %,d proposals (generated in %.1f s)%n", proposals,
                    (System.nanoTime() - start) / 1e9);
            for (double eps : new double[] {50, 100, 250}) {
                var parameters = new ClusterParameters(eps, 5, Selection.ALL);
                var first = analyses(dataSource).run(CLUSTERS, project, parameters);
                double[] ms = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    var fresh = analyses(dataSource);
                    long t = System.nanoTime();
                    fresh.run(CLUSTERS, project, parameters);
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(ms);
                var cached = analyses(dataSource);
                cached.run(CLUSTERS, project, parameters);
                long t = System.nanoTime();
                cached.run(CLUSTERS, project, parameters);
                System.out.printf(Locale.ROOT, "  eps %5.0f m, minPoints 5: %,6d clusters, %,6d noise   median %7.1f ms"
                        + "   min %7.1f   max %7.1f  (%d runs; cached answer %.1f ms)%n", eps, first.clusters().size(),
                        first.noise(), ms[RUNS / 2], ms[0], ms[RUNS - 1], RUNS, (System.nanoTime() - t) / 1e6);
            }
        });
    }
}
