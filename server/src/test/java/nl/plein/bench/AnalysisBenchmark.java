package nl.plein.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import nl.plein.analysis.Analyses;
import nl.plein.analysis.SmallCounts;
import nl.plein.areas.AreaAssignment;
import nl.plein.db.Jdbis;
import nl.plein.gisdata.boundaries.ImportBoundaries;
import nl.plein.gisdata.boundaries.ImportOptions;
import nl.plein.gisdata.boundaries.ImportReport;
import nl.plein.participation.ParticipationAnalysis.Parameters;
import nl.plein.participation.ParticipationAnalysis.View;
import nl.plein.participation.ParticipationAnalysis;
import nl.plein.participation.ParticipationStore;

/**
 * Measures the participation analysis at the sizes issue 4 names. Not a test: run it with
 * {@code ./plein bench analysis [BOUNDARY-FILE import-options…]}, for example with CBS's 3,475 wijken
 * ({@code --preset cbs-new --level district}); without a file a synthetic grid of 3,475 areas stands in.
 *
 * <ol>
 *   <li>importing the boundary file (when given);
 *   <li>participation over those areas with 1,000,000 contributions from 200,000 participants;
 *   <li>participation over 108 areas with 100,000 contributions;
 *   <li>placing 1,000,000 proposals in a new set of those areas, then placing them again.
 * </ol>
 */
public final class AnalysisBenchmark {
    private static final int RUNS = 7;

    public static void main(String[] args) throws Exception {
        BenchDatabase.run(10, dataSource -> {
            long large = args.length > 0 ? importFile(dataSource, args) : grid(dataSource, "Grid 3475", 3475, 59, 1000);
            long small = grid(dataSource, "Grid 108", 108, 12, 1500);
            participation(dataSource, large, 200_000, 1_000_000);
            participation(dataSource, small, 20_000, 100_000);
            assignment(dataSource, large, 1_000_000);
        });
    }

    private static long importFile(HikariDataSource dataSource, String[] args) throws Exception {
        var options = new ArrayList<>(List.of(args));
        options.addAll(List.of("--commit", "--set-name", "Bench boundaries", "--year", "2024"));
        var jdbi = Jdbis.create(dataSource);
        long start = System.nanoTime();
        ImportReport report = jdbi.withHandle(h -> ImportBoundaries.run(h,
                ImportOptions.parse(options.toArray(String[]::new)), line -> { }));
        System.out.printf(Locale.ROOT, "Import of %s: %,d areas in %.1f s%n", args[0], report.areas(),
                seconds(start));
        return report.setId();
    }

    /** A square grid of {@code count} cells of {@code metres} in the Dutch national grid, with populations. */
    private static long grid(HikariDataSource dataSource, String name, int count, int columns, int metres) {
        return Jdbis.create(dataSource).inTransaction(h -> {
            long set = h.createQuery("INSERT INTO area_sets (name, kind, metric_srid) VALUES (:name, 'neighbourhood', 28992)"
                    + " RETURNING id").bind("name", name).mapTo(Long.class).one();
            h.createQuery("SELECT setseed(0.17)").map((rs, ctx) -> 1).one();
            h.createUpdate("""
                    INSERT INTO areas (area_set_id, code, name, population, geom)
                    SELECT :set, 'G' || g, 'Cel ' || g,
                           CASE WHEN random() < 0.02 THEN NULL ELSE 200 + floor(random() * 12000)::int END,
                           ST_Multi(ST_Transform(ST_MakeEnvelope(x, y, x + :metres, y + :metres, 28992), 4326))
                      FROM (SELECT g, 100000 + (g % :columns) * :metres::float8 AS x,
                                   400000 + (g / :columns) * :metres::float8 AS y
                              FROM generate_series(0, :count - 1) g) cells""")
                    .bind("set", set).bind("metres", metres).bind("columns", columns).bind("count", count).execute();
            return set;
        });
    }

    /**
     * A project over the set's areas with {@code contributions} from {@code people} residents of it:
     * 20 % proposals (one in ten a line or an area), 5 % variants, 35 % comments (one in ten pinned) and
     * 40 % supports, over twelve weeks; then the participation view, raw and public.
     */
    private static void participation(HikariDataSource dataSource, long set, int people, int contributions) {
        long start = System.nanoTime();
        int proposals = contributions / 5;
        int variants = contributions / 20;
        int comments = contributions * 7 / 20;
        var jdbi = Jdbis.create(dataSource);
        long projectId = jdbi.inTransaction(h -> {
            h.execute("ALTER TABLE supports DISABLE TRIGGER supports_count_trg");
            h.createQuery("SELECT setseed(0.5)").map((rs, ctx) -> 1).one();
            long project = h.createQuery("INSERT INTO projects (title, area) SELECT 'Bench ' || :set::bigint,"
                    + " ST_Multi(ST_Envelope(ST_Collect(geom))) FROM areas WHERE area_set_id = :set RETURNING id")
                    .bind("set", set).mapTo(Long.class).one();
            h.createUpdate("CREATE TEMPORARY TABLE set_area ON COMMIT DROP AS SELECT row_number() OVER () AS n, id, geom"
                    + " FROM areas WHERE area_set_id = :set").bind("set", set).execute();
            h.execute("CREATE INDEX ON set_area (n)");
            int areas = h.createQuery("SELECT count(*) FROM set_area").mapTo(Integer.class).one();
            h.execute("CREATE TEMPORARY TABLE person (n int PRIMARY KEY, id bigint) ON COMMIT DROP");
            h.createUpdate("""
                    WITH made AS (
                        INSERT INTO accounts (email, password_hash, display_name, home_area_id)
                        SELECT 'p' || :set::bigint || '-' || r.g || '@bench.example', 'x', 'P ' || r.g, a.id
                          FROM (SELECT g, 1 + floor(random() * :areas)::int AS k FROM generate_series(1, :people) g) r
                          JOIN set_area a ON a.n = r.k RETURNING id)
                    INSERT INTO person SELECT row_number() OVER (ORDER BY id), id FROM made""")
                    .bind("set", set).bind("areas", areas).bind("people", people).execute();
            // Points inside a random area's box; some fall outside every area, as real drawings do.
            h.createUpdate("""
                    INSERT INTO proposals (project_id, author_id, title, geom, status, created_at)
                    SELECT :project, person.id, 'Voorstel ' || g,
                           CASE g % 10 WHEN 0 THEN ST_MakeLine(pt, ST_Translate(pt, 0.002, 0.001))
                                       WHEN 1 THEN ST_Expand(pt, 0.0004) ELSE pt END,
                           'published', now() - random() * interval '84 days'
                      FROM (SELECT g, k, ST_SetSRID(ST_MakePoint(
                                       ST_XMin(b) + random() * (ST_XMax(b) - ST_XMin(b)),
                                       ST_YMin(b) + random() * (ST_YMax(b) - ST_YMin(b))), 4326) AS pt
                              FROM (SELECT r.g, r.k, a.geom::box2d AS b
                                      FROM (SELECT g, 1 + floor(random() * :people)::int AS k,
                                                   1 + floor(random() * :areas)::int AS ka
                                              FROM generate_series(1, :proposals) g) r
                                      JOIN set_area a ON a.n = r.ka) boxes) points
                      JOIN person ON person.n = points.k""")
                    .bind("project", project).bind("people", people).bind("areas", areas).bind("proposals", proposals)
                    .execute();
            h.createUpdate("CREATE TEMPORARY TABLE made ON COMMIT DROP AS SELECT row_number() OVER () AS n, id, geom"
                    + " FROM proposals WHERE project_id = :project").bind("project", project).execute();
            h.execute("CREATE INDEX ON made (n)");
            h.execute("ANALYZE made");
            h.createUpdate("""
                    INSERT INTO variants (proposal_id, author_id, title, geom, created_at)
                    SELECT m.id, person.id, 'Variant',
                           ST_Translate(m.geom, 0.0005, 0), now() - random() * interval '84 days'
                      FROM (SELECT g, 1 + floor(random() * :people)::int AS k, 1 + floor(random() * :proposals)::int AS n
                              FROM generate_series(1, :variants) g) r
                      JOIN made m ON m.n = r.n JOIN person ON person.n = r.k""")
                    .bind("people", people).bind("proposals", proposals).bind("variants", variants).execute();
            h.createUpdate("""
                    INSERT INTO comments (proposal_id, author_id, body, geom, created_at)
                    SELECT m.id, person.id, 'Eens',
                           CASE WHEN g % 10 = 0 THEN ST_PointOnSurface(m.geom) END, now() - random() * interval '84 days'
                      FROM (SELECT g, 1 + floor(random() * :people)::int AS k, 1 + floor(random() * :proposals)::int AS n
                              FROM generate_series(1, :comments) g) r
                      JOIN made m ON m.n = r.n JOIN person ON person.n = r.k""")
                    .bind("people", people).bind("proposals", proposals).bind("comments", comments).execute();
            h.createUpdate("""
                    INSERT INTO supports (proposal_id, account_id, created_at)
                    SELECT m.id, p.id, now() - random() * interval '84 days'
                      FROM (SELECT g, 1 + floor(random() * :proposals)::int AS pn, 1 + floor(random() * :people)::int AS an
                              FROM generate_series(1, :supports) g) r
                      JOIN made m ON m.n = r.pn JOIN person p ON p.n = r.an
                    ON CONFLICT DO NOTHING""").bind("proposals", proposals).bind("people", people)
                    .bind("supports", contributions - proposals - variants - comments).execute();
            h.execute("ALTER TABLE supports ENABLE TRIGGER supports_count_trg");
            // The per-row count trigger was off for the bulk load: count once.
            h.createUpdate("UPDATE proposals p SET support_count = s.n FROM (SELECT proposal_id, count(*) AS n"
                    + " FROM supports WHERE project_id = :project GROUP BY proposal_id) s WHERE p.id = s.proposal_id")
                    .bind("project", project).execute();
            AreaAssignment.assignAll(h, set);
            return project;
        });
        jdbi.useHandle(h -> h.execute("VACUUM ANALYZE"));
        long[] counts = jdbi.withHandle(h -> h.createQuery("""
                SELECT (SELECT count(*) FROM areas WHERE area_set_id = :set),
                       (SELECT count(*) FROM proposals WHERE project_id = :project)
                     + (SELECT count(*) FROM variants v JOIN proposals p ON p.id = v.proposal_id WHERE p.project_id = :project)
                     + (SELECT count(*) FROM comments v JOIN proposals p ON p.id = v.proposal_id WHERE p.project_id = :project)
                     + (SELECT count(*) FROM supports v JOIN proposals p ON p.id = v.proposal_id WHERE p.project_id = :project)""")
                .bind("set", set).bind("project", projectId)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one());
        System.out.printf(Locale.ROOT, "%nParticipation over %,d areas, %,d contributions (generated in %.1f s)%n",
                counts[0], counts[1], seconds(start));

        var zone = ZoneId.of("Europe/Amsterdam");
        var participation = new ParticipationAnalysis(new ParticipationStore(jdbi, dataSource),
                new Analyses(jdbi, Duration.ofMinutes(10), zone, new SmallCounts(5), 1));
        var first = participation.json(Parameters.whole(projectId, set, View.RAW));
        System.out.printf(Locale.ROOT, "  %s participants, %d areas, %d flows, %s distances, %d weeks%n",
                first.get("totals").get("participantsAllAreas"), first.get("areas").size(), first.get("flows").size(),
                first.get("distances").get("proposals"), first.get("weekly").size());
        time("raw view (read + statistics + JSON)",
                () -> participation.json(Parameters.whole(projectId, set, View.RAW)).size());
        time("public view", () -> participation.json(Parameters.whole(projectId, set, View.PUBLIC)).size());
        var from = java.time.LocalDate.now(zone).minusDays(28);
        time("raw view, last four weeks",
                () -> participation.json(new Parameters(projectId, set, from, null, View.RAW)).size());
    }

    /** {@code proposals} proposals placed in a new copy of the set, every placement new; then again. */
    private static void assignment(HikariDataSource dataSource, long set, int proposals) {
        long start = System.nanoTime();
        var jdbi = Jdbis.create(dataSource);
        long copy = jdbi.inTransaction(h -> {
            long author = h.createQuery("SELECT min(id) FROM accounts").mapTo(Long.class).one();
            long project = h.createQuery("INSERT INTO projects (title, area) SELECT 'Assign', "
                    + "ST_Multi(ST_Envelope(ST_Collect(geom))) FROM areas WHERE area_set_id = :set RETURNING id")
                    .bind("set", set).mapTo(Long.class).one();
            h.createQuery("SELECT setseed(0.9)").map((rs, ctx) -> 1).one();
            h.createUpdate("CREATE TEMPORARY TABLE set_area ON COMMIT DROP AS SELECT row_number() OVER () AS n, geom"
                    + " FROM areas WHERE area_set_id = :set").bind("set", set).execute();
            h.execute("CREATE INDEX ON set_area (n)");
            int areas = h.createQuery("SELECT count(*) FROM set_area").mapTo(Integer.class).one();
            h.createUpdate("""
                    INSERT INTO proposals (project_id, author_id, title, geom, status)
                    SELECT :project, :author, 'P', ST_SetSRID(ST_MakePoint(ST_XMin(b) + random() * (ST_XMax(b) - ST_XMin(b)),
                                                             ST_YMin(b) + random() * (ST_YMax(b) - ST_YMin(b))), 4326),
                           'published'
                      FROM (SELECT a.geom::box2d AS b
                              FROM (SELECT 1 + floor(random() * :areas)::int AS k FROM generate_series(1, :proposals) g) r
                              JOIN set_area a ON a.n = r.k) boxes""")
                    .bind("project", project).bind("author", author).bind("areas", areas).bind("proposals", proposals)
                    .execute();
            long newSet = h.createQuery("INSERT INTO area_sets (name, kind, year, metric_srid) SELECT name || ' (copy)', kind,"
                    + " 2025, metric_srid FROM area_sets WHERE id = :set RETURNING id").bind("set", set)
                    .mapTo(Long.class).one();
            h.createUpdate("INSERT INTO areas (area_set_id, code, name, population, geom) SELECT :copy, code, name,"
                    + " population, geom FROM areas WHERE area_set_id = :set").bind("copy", newSet).bind("set", set)
                    .execute();
            return newSet;
        });
        jdbi.useHandle(h -> h.execute("VACUUM ANALYZE"));
        long total = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM proposals").mapTo(Long.class).one());
        System.out.printf(Locale.ROOT, "%nPlacing %,d proposals (and the variants and comments) in a new set (generated in %.1f s)%n",
                total, seconds(start));
        for (String pass : List.of("a new set: every placement new", "the same set again: nothing changes")) {
            long t = System.nanoTime();
            var counts = jdbi.inTransaction(h -> AreaAssignment.assignAll(h, copy));
            System.out.printf(Locale.ROOT, "  %-40s %6.1f s  %s%n", pass, seconds(t), AreaAssignment.describe(counts));
        }
    }

    private static void time(String what, Callable<Integer> work) {
        double[] ms = new double[RUNS];
        try {
            work.call();
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                work.call();
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "  %-40s median %7.1f ms   min %7.1f   max %7.1f  (%d runs after a warm-up)%n",
                what, ms[RUNS / 2], ms[0], ms[RUNS - 1], RUNS);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
