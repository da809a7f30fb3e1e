package nl.plein.bench;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import nl.plein.analysis.ProposalSelection;
import nl.plein.clusters.ClusterStore;

/**
 * Measures DBSCAN clusters at the size issue 5 names: 100,000 proposals in one project. Not a test:
 * run it with {@code ./plein bench clusters}. The proposals are {@link BlobProposals}.
 */
public final class ClusterBenchmark {
    private static final int RUNS = 7;
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    public static void main(String[] args) throws Exception {
        int proposals = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        BenchDatabase.run(4, dataSource -> {
            long start = System.nanoTime();
            long project = BlobProposals.generate(dataSource, proposals);
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
