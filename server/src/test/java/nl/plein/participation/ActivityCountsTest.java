package nl.plein.participation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import nl.plein.areas.AreaAssignment;
import nl.plein.db.Jdbis;
import nl.plein.support.TestPostgis;
import nl.plein.support.Together;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The participation of a whole project is read from counts PostgreSQL keeps as contributions are
 * written (migration V6). These must always equal what counting the contributions gives: after bulk
 * loads and single writes, supports given and taken back by many writers at once, a person's only or
 * first contribution taken back, contributions on both sides of midnight between Sunday and Monday,
 * and a change of time zone.
 */
class ActivityCountsTest {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final int PEOPLE = 80;

    static HikariDataSource dataSource;
    static Jdbi jdbi;
    static ParticipationStore store;
    static long fine;
    static long coarse;
    static List<Long> projects = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        dataSource = TestPostgis.freshDatabase();
        jdbi = Jdbis.create(dataSource);
        store = new ParticipationStore(Jdbis.create(dataSource), dataSource);
        ActivityCounts.useTimeZone(Jdbis.create(dataSource), AMSTERDAM);
        jdbi.useTransaction(h -> {
            h.createQuery("SELECT setseed(0.42)").map((rs, ctx) -> 1).one();
            fine = grid(h, "Fijn", 4, 400);
            coarse = grid(h, "Grof", 2, 800);
            // Homes in the fine set, some unknown.
            h.createUpdate("""
                    INSERT INTO accounts (email, password_hash, display_name, home_area_id)
                    SELECT 'p' || g || '@test.example', 'x', 'P' || g,
                           CASE WHEN g % 9 = 0 THEN NULL
                                ELSE (SELECT id FROM areas WHERE area_set_id = :set ORDER BY id OFFSET (g * 7) % 16 LIMIT 1) END
                      FROM generate_series(1, :people) g""").bind("set", fine).bind("people", PEOPLE).execute();
            for (int p = 0; p < 2; p++) {
                projects.add(h.createQuery("INSERT INTO projects (title, area) SELECT 'P', ST_Multi(ST_Envelope(ST_Collect(geom)))"
                        + " FROM areas WHERE area_set_id = :set RETURNING id").bind("set", fine).mapTo(Long.class).one());
            }
        });
        for (long project : projects) {
            // Bulk: one statement of many rows per kind.
            jdbi.useTransaction(h -> {
                h.createUpdate("""
                        INSERT INTO proposals (project_id, author_id, title, geom, status, created_at)
                        SELECT :project, (SELECT min(id) FROM accounts) + floor(random() * :people)::int, 'V',
                               CASE WHEN g % 5 = 0 THEN ST_MakeLine(pt, ST_Translate(pt, 0.004, 0.002)) ELSE pt END,
                               'published', """ + AROUND_MONDAYS + """
                          FROM (SELECT g, ST_Transform(ST_SetSRID(ST_MakePoint(100000 + random() * 1700,
                                                                               400000 + random() * 1700), 28992), 4326) AS pt
                                  FROM generate_series(1, 150) g) points""").bind("project", project).bind("people", PEOPLE)
                        .execute();
                h.createUpdate("""
                        INSERT INTO variants (proposal_id, author_id, title, geom, created_at)
                        SELECT p.id, (SELECT min(id) FROM accounts) + floor(random() * :people)::int, 'W',
                               ST_Translate(p.geom, 0.003, 0), p.created_at + random() * interval '9 days'
                          FROM proposals p WHERE p.project_id = :project AND random() < 0.3""")
                        .bind("people", PEOPLE).bind("project", project).execute();
                h.createUpdate("""
                        INSERT INTO comments (proposal_id, author_id, body, geom, created_at)
                        SELECT p.id, (SELECT min(id) FROM accounts) + floor(random() * :people)::int, 'Eens',
                               CASE WHEN random() < 0.3 THEN ST_PointOnSurface(p.geom) END,
                               p.created_at + random() * interval '20 days'
                          FROM proposals p, generate_series(1, 2) WHERE p.project_id = :project""")
                        .bind("people", PEOPLE).bind("project", project).execute();
                h.createUpdate("""
                        INSERT INTO supports (proposal_id, account_id, created_at)
                        SELECT p.id, (SELECT min(id) FROM accounts) + floor(random() * :people)::int,
                               p.created_at + random() * interval '30 days'
                          FROM proposals p, generate_series(1, 3) WHERE p.project_id = :project
                        ON CONFLICT DO NOTHING""").bind("people", PEOPLE).bind("project", project).execute();
            });
            // Single writes, each its own statement and transaction, as the API makes them.
            for (int i = 0; i < 40; i++) {
                jdbi.useTransaction(h -> h.createUpdate("""
                        INSERT INTO comments (proposal_id, author_id, body, created_at)
                        SELECT (SELECT id FROM proposals WHERE project_id = :project ORDER BY random() LIMIT 1),
                               (SELECT min(id) FROM accounts) + floor(random() * :people)::int, 'Ook', """ + AROUND_MONDAYS)
                        .bind("project", project).bind("people", PEOPLE).execute());
            }
        }
        jdbi.useTransaction(h -> {
            AreaAssignment.assignAll(h, fine);
            AreaAssignment.assignAll(h, coarse);
        });
    }

    /** An instant within 90 minutes of midnight between a Sunday and a Monday in Amsterdam, March–May 2026. */
    private static final String AROUND_MONDAYS = "(timestamp '2026-03-02 00:00' + floor(random() * 12) * interval '1 week'"
            + " + (random() - 0.5) * interval '3 hours') AT TIME ZONE 'Europe/Amsterdam'";

    /** A square grid of {@code side} × {@code side} cells of {@code metres} in the Dutch national grid. */
    private static long grid(Handle h, String name, int side, int metres) {
        long set = h.createQuery("INSERT INTO area_sets (name, kind, metric_srid) VALUES (:name, 'neighbourhood', 28992)"
                + " RETURNING id").bind("name", name).mapTo(Long.class).one();
        h.createUpdate("""
                INSERT INTO areas (area_set_id, code, name, population, geom)
                SELECT :set, 'C' || g, 'Cel ' || g, 500 + g * 37,
                       ST_Multi(ST_Transform(ST_MakeEnvelope(100000 + (g % :side) * :metres::float8,
                                                             400000 + (g / :side) * :metres::float8,
                                                             100000 + (g % :side) * :metres::float8 + :metres,
                                                             400000 + (g / :side) * :metres::float8 + :metres,
                                                             28992), 4326))
                  FROM generate_series(0, :side * :side - 1) g""")
                .bind("set", set).bind("side", side).bind("metres", metres).execute();
        return set;
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    private static void assertKeptEqualsRecount(ZoneId zone) {
        for (long project : projects) {
            for (long set : List.of(fine, coarse)) {
                var kept = store.read(project, set, null, null, zone, 1, false);
                var recount = store.read(project, set, null, null, zone, 1, true);
                assertSameFigures(recount, kept, "project " + project + ", set " + set + ", " + zone);
                assertTrue(kept.totals().people() > 0 && kept.totals().supports() > 0, "something was counted");
            }
        }
    }

    /** Equal figures; the mean distance is summed in whatever order a plan reads the rows, so its last bit may differ. */
    private static void assertSameFigures(ParticipationStore.Counts expected, ParticipationStore.Counts actual,
            String where) {
        assertEquals(expected.distances().mean(), actual.distances().mean(), 1e-9 * expected.distances().mean(), where);
        var d = actual.distances();
        assertEquals(expected, new ParticipationStore.Counts(actual.set(), actual.areas(), actual.totals(),
                actual.flows(), actual.flowPairs(), actual.proposalsInHomeArea(), new ParticipationStore.Distances(
                        d.proposals(), expected.distances().mean(), d.p25(), d.median(), d.p75(), d.p90(), d.bins()),
                actual.weekly()), where);
    }

    /** The three tables as text, to compare with what activity_recount() makes of the contributions. */
    private static String keptTables() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT (SELECT string_agg(concat_ws(' ', project_id, account_id, first_week, home_area_id), ','
                                          ORDER BY project_id, account_id)
                          FROM activity_people)
                    || '|' || (SELECT string_agg(concat_ws(' ', project_id, account_id, week, contributions), ','
                                                 ORDER BY project_id, account_id, week) FROM activity_person_weeks)
                    || '|' || (SELECT string_agg(concat_ws(' ', project_id, week, participants, proposals, variants,
                                                           comments, supports), ',' ORDER BY project_id, week)
                                 FROM activity_weeks WHERE participants > 0)""").mapTo(String.class).one());
    }

    private static void assertKeptTablesEqualARecount() {
        String kept = keptTables();
        jdbi.useTransaction(h -> h.createQuery("SELECT activity_recount()").map((rs, ctx) -> 1).one());
        assertEquals(keptTables(), kept);
    }

    @Test
    void keptCountsEqualARecountAfterBulkAndSingleWrites() {
        assertKeptEqualsRecount(AMSTERDAM);
        assertKeptTablesEqualARecount();
    }

    @Test
    void theTwoHalvesGiveTheSameFiguresTogetherOrOneAfterTheOther() {
        // Not a pool: the store then never takes a second connection, and runs the halves in turn.
        var unpooled = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> method.invoke(dataSource, args));
        var inTurn = new ParticipationStore(Jdbis.create(unpooled), unpooled);
        for (long project : projects) {
            for (var range : List.of(new LocalDate[] {null, null},
                    new LocalDate[] {LocalDate.of(2026, 3, 9), LocalDate.of(2026, 4, 19)})) {
                assertSameFigures(inTurn.read(project, fine, range[0], range[1], AMSTERDAM, 1),
                        store.read(project, fine, range[0], range[1], AMSTERDAM, 1), "project " + project);
            }
        }
    }

    @Test
    void supportsGivenAndTakenBackByManyWritersAtOnceAreCountedOnce() throws Exception {
        long project = projects.get(0);
        List<Long> proposals = jdbi.withHandle(h -> h.createQuery(
                "SELECT id FROM proposals WHERE project_id = :project ORDER BY id LIMIT 6").bind("project", project)
                .mapTo(Long.class).list());
        List<Long> people = jdbi.withHandle(h -> h.createQuery("SELECT id FROM accounts ORDER BY id LIMIT 6")
                .mapTo(Long.class).list());
        var tasks = new ArrayList<Callable<Integer>>();
        for (int t = 0; t < 8; t++) {
            tasks.add(() -> {
                var random = ThreadLocalRandom.current();
                int done = 0;
                for (int i = 0; i < 60; i++) {
                    long proposal = proposals.get(random.nextInt(proposals.size()));
                    long person = people.get(random.nextInt(people.size()));
                    done += jdbi.inTransaction(h -> (random.nextBoolean()
                            ? h.createUpdate("INSERT INTO supports (proposal_id, account_id) VALUES (:proposal, :person)"
                                    + " ON CONFLICT DO NOTHING")
                            : h.createUpdate("DELETE FROM supports WHERE proposal_id = :proposal AND account_id = :person"))
                            .bind("proposal", proposal).bind("person", person).execute());
                }
                return done;
            });
        }
        int changed = Together.run(tasks).stream().mapToInt(Integer::intValue).sum();

        assertTrue(changed > 0, "some supports were given or taken back");
        assertKeptEqualsRecount(AMSTERDAM);
        assertKeptTablesEqualARecount();
    }

    @Test
    void takingBackAPersonsOnlyOrFirstContributionUndoesItsCount() {
        long project = projects.get(1);
        long proposal = jdbi.withHandle(h -> h.createQuery("SELECT min(id) FROM proposals WHERE project_id = :project")
                .bind("project", project).mapTo(Long.class).one());
        long[] newcomers = jdbi.inTransaction(h -> {
            long only = newAccount(h, "only");
            long twice = newAccount(h, "twice");
            h.createUpdate("INSERT INTO supports (proposal_id, account_id, created_at)"
                    + " VALUES (:proposal, :account, '2026-01-05 10:00+01')").bind("proposal", proposal).bind("account", only)
                    .execute();
            h.createUpdate("INSERT INTO supports (proposal_id, account_id, created_at)"
                    + " VALUES (:proposal, :account, '2026-01-06 10:00+01')").bind("proposal", proposal).bind("account", twice)
                    .execute();
            h.createUpdate("INSERT INTO comments (proposal_id, author_id, body, created_at)"
                    + " VALUES (:proposal, :author, 'Later', '2026-06-10 10:00+02')").bind("proposal", proposal)
                    .bind("author", twice).execute();
            return new long[] {only, twice};
        });
        var before = store.read(project, fine, null, null, AMSTERDAM, 1);
        assertEquals("2026-01-05", before.weekly().get(0).weekStart().toString());
        assertEquals(2, before.weekly().get(0).participants());
        assertEquals(2, before.weekly().get(0).newParticipants());

        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM supports WHERE proposal_id = :proposal"
                + " AND account_id IN (:only, :twice)").bind("proposal", proposal).bind("only", newcomers[0])
                .bind("twice", newcomers[1]).execute());

        var after = store.read(project, fine, null, null, AMSTERDAM, 1);
        assertEquals(before.totals().people() - 1, after.totals().people(), "the person who only supported is gone");
        assertEquals(before.totals().supports() - 2, after.totals().supports());
        assertNotEquals("2026-01-05", after.weekly().get(0).weekStart().toString(), "that week had no one else");
        assertEquals(jdbi.withHandle(h -> h.createQuery("SELECT first_week::text FROM activity_people"
                + " WHERE project_id = :project AND account_id = :account").bind("project", project)
                .bind("account", newcomers[1]).mapTo(String.class).one()),
                "2026-06-08", "the other one's first week is now that of their comment");
        assertKeptEqualsRecount(AMSTERDAM);
        assertKeptTablesEqualARecount();
    }

    @Test
    void aPinAddedToOrRemovedFromACommentMovesItWhereItLies() {
        int changed = jdbi.inTransaction(h -> {
            int unpinned = h.createUpdate("""
                    UPDATE comments SET geom = NULL
                     WHERE id IN (SELECT id FROM comments WHERE geom IS NOT NULL ORDER BY id LIMIT 5)""").execute();
            int pinned = h.createUpdate("""
                    UPDATE comments c SET geom = ST_PointOnSurface(p.geom) FROM proposals p
                     WHERE p.id = c.proposal_id
                       AND c.id IN (SELECT id FROM comments WHERE geom IS NULL ORDER BY id DESC LIMIT 7)""").execute();
            AreaAssignment.assignAll(h, fine);
            AreaAssignment.assignAll(h, coarse);
            return unpinned + pinned;
        });

        assertEquals(12, changed);
        assertKeptEqualsRecount(AMSTERDAM);
    }

    @Test
    void aPersonWhoMovesIsCountedInTheirNewHome() {
        var before = store.read(projects.get(0), fine, null, null, AMSTERDAM, 1);
        int moved = jdbi.inTransaction(h -> h.createUpdate("""
                UPDATE accounts SET home_area_id = CASE WHEN id % 3 = 0 THEN NULL
                       ELSE (SELECT min(id) FROM areas WHERE area_set_id = :set) END
                 WHERE id IN (SELECT id FROM accounts ORDER BY id LIMIT 12)""").bind("set", fine).execute());

        var after = store.read(projects.get(0), fine, null, null, AMSTERDAM, 1);
        assertEquals(12, moved);
        assertNotEquals(before.areas(), after.areas());
        assertKeptEqualsRecount(AMSTERDAM);
        assertKeptTablesEqualARecount();
    }

    @Test
    void aNewTimeZoneCountsTheWeeksAgain() {
        try {
            var amsterdam = store.read(projects.get(0), fine, null, null, AMSTERDAM, 1);
            assertFalse(ActivityCounts.useTimeZone(Jdbis.create(dataSource), AMSTERDAM), "same zone: nothing to count");
            assertTrue(ActivityCounts.useTimeZone(Jdbis.create(dataSource), NEW_YORK));

            var newYork = store.read(projects.get(0), fine, null, null, NEW_YORK, 1);
            assertKeptEqualsRecount(NEW_YORK);
            assertKeptTablesEqualARecount();
            // Contributions just after midnight on Monday in Amsterdam fall on Sunday in New York.
            assertNotEquals(amsterdam.weekly(), newYork.weekly());
            assertEquals(amsterdam.totals(), newYork.totals());
        } finally {
            ActivityCounts.useTimeZone(Jdbis.create(dataSource), AMSTERDAM);
        }
    }

    private static long newAccount(Handle h, String name) {
        return h.createQuery("INSERT INTO accounts (email, password_hash, display_name) VALUES (:email, 'x', :name)"
                + " RETURNING id").bind("email", name + "@test.example").bind("name", name).mapTo(Long.class).one();
    }
}
