package nl.plein.bench;

import java.util.Map;
import nl.plein.App;
import nl.plein.budgets.ballots.BallotLoad;
import nl.plein.config.Config;

/**
 * Participatory budgeting under load, over loopback HTTP on a fresh embedded PostGIS: 200 (or
 * VOTERS) residents cast a ballot and change it, all at once. Checks that every voter has exactly
 * one ballot with their last choices; measures each PUT (median, p95, max) and the whole burst. Not
 * a test: run it with {@code ./plein bench ballots [VOTERS]}.
 */
public final class BallotBenchmark {
    private BallotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int voters = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        BenchDatabase.run(20, dataSource -> {
            var app = App.create(Config.fromEnvironment(Map.of("PLEIN_DEMO_CONTENT", "false")), dataSource)
                    .start("127.0.0.1", 0);
            try {
                BallotLoad.run(dataSource, "http://127.0.0.1:" + app.port(), voters).forEach(System.out::println);
            } finally {
                app.stop();
            }
        });
    }
}
