package nl.plein.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.plein.App;
import nl.plein.areas.AreaAssignment;
import nl.plein.config.Config;
import nl.plein.db.Jdbis;
import nl.plein.gisdata.boundaries.ImportBoundaries;
import nl.plein.gisdata.boundaries.ImportOptions;

/**
 * Measures the hot-spot endpoints end to end, over real HTTP, at the sizes issue 5 names: Gi* on
 * about 10,000 hexagons, and Moran's I with LISA (999 permutations each) on 3,475 areas, each both
 * cold (a write to the project before every run, so that the answer is computed again) and cached
 * (the same request again, answered from the result cache). Not a test: run it with
 * {@code ./plein bench hotspots BOUNDARY-FILE import-options…} (CBS's wijken).
 */
public final class HotspotEndpointBenchmark {
    private static final int RUNS = 7;

    public static void main(String[] args) throws Exception {
        BenchDatabase.run(10, dataSource -> {
            var jdbi = Jdbis.create(dataSource);
            var options = new ArrayList<>(List.of(args));
            options.addAll(List.of("--commit", "--set-name", "Bench boundaries", "--year", "2024"));
            var parsed = ImportOptions.parse(options.toArray(String[]::new));
            long set = jdbi.withHandle(h -> ImportBoundaries.run(h, parsed, line -> { })).setId();
            long[] projects = jdbi.inTransaction(h -> {
                h.createQuery("SELECT setseed(0.4)").map((rs, ctx) -> 1).one();
                long author = h.createQuery("INSERT INTO accounts (email, password_hash, display_name) VALUES"
                        + " ('bench@bench.example', 'x', 'Bench') RETURNING id").mapTo(Long.class).one();
                // a 16 × 16 km square of Utrecht and its surroundings: about 10,000 hexagons of 100 m
                long city = h.createQuery("INSERT INTO projects (title, area) VALUES ('Stad', ST_Multi(ST_Transform("
                        + "ST_MakeEnvelope(128000, 448000, 144000, 464000, 28992), 4326))) RETURNING id")
                        .mapTo(Long.class).one();
                long country = h.createQuery("INSERT INTO projects (title, area) SELECT 'Land', ST_Multi(ST_Envelope("
                        + "ST_Collect(geom))) FROM areas WHERE area_set_id = :set RETURNING id").bind("set", set)
                        .mapTo(Long.class).one();
                h.createUpdate("""
                        INSERT INTO proposals (project_id, author_id, title, geom, status)
                        SELECT :project, :author, 'P', ST_Transform(ST_SetSRID(ST_MakePoint(
                                   CASE WHEN g % 4 = 0 THEN 134000 + random() * 1500 ELSE 128000 + random() * 16000 END,
                                   CASE WHEN g % 4 = 0 THEN 455000 + random() * 1500 ELSE 448000 + random() * 16000 END),
                               28992), 4326), 'published'
                          FROM generate_series(1, 100000) g""").bind("project", city).bind("author", author).execute();
                // 100,000 proposals over the country, each in the box of a random wijk
                h.createUpdate("CREATE TEMPORARY TABLE set_area ON COMMIT DROP AS SELECT row_number() OVER () AS n,"
                        + " geom::box2d AS b FROM areas WHERE area_set_id = :set").bind("set", set).execute();
                h.execute("CREATE INDEX ON set_area (n)");
                h.createUpdate("""
                        INSERT INTO proposals (project_id, author_id, title, geom, status)
                        SELECT :project, :author, 'P', ST_SetSRID(ST_MakePoint(ST_XMin(a.b) + random() * (ST_XMax(a.b) - ST_XMin(a.b)),
                                                                  ST_YMin(a.b) + random() * (ST_YMax(a.b) - ST_YMin(a.b))), 4326),
                               'published'
                          FROM (SELECT 1 + floor(random() * (SELECT count(*) FROM set_area))::int AS k
                                  FROM generate_series(1, 100000) g) r
                          JOIN set_area a ON a.n = r.k""").bind("project", country).bind("author", author).execute();
                AreaAssignment.assignAll(h, set);
                return new long[] {city, country};
            });
            jdbi.useHandle(h -> h.execute("VACUUM ANALYZE"));
            var env = Map.of("PLEIN_DEMO_CONTENT", "false", "PLEIN_DATA_DIR", "server/target/bench-data",
                    "PLEIN_ANALYSIS_TIMEOUT_SECONDS", "120");
            var app = App.create(Config.fromEnvironment(env), dataSource).start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + app.port() + "/api/projects/";
                String gi = base + projects[0] + "/analysis/hotspots?size=100";
                String moran = base + projects[1] + "/analysis/moran?unit=areas&set=" + set + "&permutations=999";
                // Recomputation: before each run a write to one of the project's proposals bumps its
                // analysis version (migration V7), so no cached result or hexagon grid is served.
                Runnable touchCity = () -> touch(dataSource, projects[0]);
                Runnable touchCountry = () -> touch(dataSource, projects[1]);
                // a first request at another size warms the server (classes, JIT, each connection's PROJ)
                time("warm-up: Gi* on hexagons of 150 m", base + projects[0] + "/analysis/hotspots?size=150", 1, null);
                time("Gi*, ~10,000 hexagons of 100 m, 100,000 proposals: cold (all recomputed)", gi, RUNS, touchCity);
                time("Gi*, same: cached (the same request again)", gi, RUNS, null);
                time("Gi*, same, 99 seeded permutations: cold", gi + "&permutations=99", RUNS, touchCity);
                time("Moran + LISA, 999 permutations, 3,475 wijken: first (queen contiguity computed)", moran, 1, null);
                time("Moran + LISA, same: cold (recomputed; contiguity of the set kept)", moran, RUNS, touchCountry);
                time("Moran + LISA, same: cached (the same request again)", moran, RUNS, null);
            } finally {
                app.stop();
            }
        });
    }

    /** A write to one proposal of the project, as a resident's edit makes: its analysis version goes up. */
    private static void touch(javax.sql.DataSource dataSource, long project) {
        Jdbis.create(dataSource).useTransaction(h -> h.createUpdate("UPDATE proposals SET updated_at = now() WHERE id ="
                + " (SELECT min(id) FROM proposals WHERE project_id = :project)").bind("project", project).execute());
    }

    /** Times {@code runs} requests, each after {@code before} (when not null), and prints the median and range. */
    private static void time(String what, String url, int runs, Runnable before) throws Exception {
        var client = HttpClient.newHttpClient();
        double[] ms = new double[runs];
        int units = 0;
        for (int i = 0; i < runs; i++) {
            if (before != null) {
                before.run();
            }
            long t = System.nanoTime();
            var response = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            // One feature per unit ("unit" also names the kind of unit among the parameters).
            units = response.body().split("\"type\":\"Feature\"", -1).length - 1;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "  %-80s %,6d units  median %8.1f ms (min %.1f, max %.1f, %d run%s)%n", what, units,
                ms[runs / 2], ms[0], ms[runs - 1], runs, runs == 1 ? "" : "s");
    }
}
