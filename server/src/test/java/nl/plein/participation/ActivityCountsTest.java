package nl.plein.participation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import nl.plein.areas.AreaAssignment;
import nl.plein.db.Jdbis;
import nl.plein.db.Sql;
import nl.plein.support.TestPostgis;
import nl.plein.support.Together;
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
    static ParticipationStore store;
    static long fine;
    static long coarse;
    static List<Long> projects = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        dataSource = TestPostgis.freshDatabase();
        store = new ParticipationStore(Jdbis.create(dataSource), dataSource);
        ActivityCounts.useTimeZone(Jdbis.create(dataSource), AMSTERDAM);
        Sql.transaction(dataSource, c -> {
            Sql.one(c, "SELECT setseed(0.42)", rs -> 1);
            fine = grid(c, "Fijn", 4, 400);
            coarse = grid(c, "Grof", 2, 800);
            // Homes in the fine set, some unknown.
            Sql.update(c, """
                    INSERT INTO accounts (email, password_hash, display_name, home_area_id)
                    SELECT 'p' || g || '@test.example', 'x', 'P' || g,
                           CASE WHEN g % 9 = 0 THEN NULL
                                ELSE (SELECT id FROM areas WHERE area_set_id = ? ORDER BY id OFFSET (g * 7) % 16 LIMIT 1) END
                      FROM generate_series(1, ?) g""", fine, PEOPLE);
            for (int p = 0; p < 2; p++) {
                projects.add(Sql.one(c, "INSERT INTO projects (title, area) SELECT 'P', ST_Multi(ST_Envelope(ST_Collect(geom)))"
                        + " FROM areas WHERE area_set_id = ? RETURNING id", rs -> rs.getLong(1), fine).orElseThrow());
            }
            return null;
        });
        for (long project : projects) {
            // Bulk: one statement of many rows per kind.
            Sql.transaction(dataSource, c -> {
                Sql.update(c, """
                        INSERT INTO proposals (project_id, author_id, title, geom, status, created_at)
                        SELECT ?, (SELECT min(id) FROM accounts) + floor(random() * ?)::int, 'V',
                               CASE WHEN g % 5 = 0 THEN ST_MakeLine(pt, ST_Translate(pt, 0.004, 0.002)) ELSE pt END,
                               'published', """ + AROUND_MONDAYS + """
                          FROM (SELECT g, ST_Transform(ST_SetSRID(ST_MakePoint(100000 + random() * 1700,
                                                                               400000 + random() * 1700), 28992), 4326) AS pt
                                  FROM generate_series(1, 150) g) points""", project, PEOPLE);
                Sql.update(c, """
                        INSERT INTO variants (proposal_id, author_id, title, geom, created_at)
                        SELECT p.id, (SELECT min(id) FROM accounts) + floor(random() * ?)::int, 'W',
                               ST_Translate(p.geom, 0.003, 0), p.created_at + random() * interval '9 days'
                          FROM proposals p WHERE p.project_id = ? AND random() < 0.3""", PEOPLE, project);
                Sql.update(c, """
                        INSERT INTO comments (proposal_id, author_id, body, geom, created_at)
                        SELECT p.id, (SELECT min(id) FROM accounts) + floor(random() * ?)::int, 'Eens',
                               CASE WHEN random() < 0.3 THEN ST_PointOnSurface(p.geom) END,
                               p.created_at + random() * interval '20 days'
                          FROM proposals p, generate_series(1, 2) WHERE p.project_id = ?""", PEOPLE, project);
                Sql.update(c, """
                        INSERT INTO supports (proposal_id, account_id, created_at)
                        SELECT p.id, (SELECT min(id) FROM accounts) + floor(random() * ?)::int,
                               p.created_at + random() * interval '30 days'
                          FROM proposals p, generate_series(1, 3) WHERE p.project_id = ?
                        ON CONFLICT DO NOTHING""", PEOPLE, project);
                return null;
            });
            // Single writes, each its own statement and transaction, as the API makes them.
            for (int i = 0; i < 40; i++) {
                Sql.transaction(dataSource, c -> Sql.update(c, """
                        INSERT INTO comments (proposal_id, author_id, body, created_at)
                        SELECT (SELECT id FROM proposals WHERE project_id = ? ORDER BY random() LIMIT 1),
                               (SELECT min(id) FROM accounts) + floor(random() * ?)::int, 'Ook', """ + AROUND_MONDAYS,
                        project, PEOPLE));
            }
        }
        Jdbis.create(dataSource).useTransaction(h -> {
            AreaAssignment.assignAll(h, fine);
            AreaAssignment.assignAll(h, coarse);
        });
    }

    /** An instant within 90 minutes of midnight between a Sunday and a Monday in Amsterdam, March–May 2026. */
    private static final String AROUND_MONDAYS = "(timestamp '2026-03-02 00:00' + floor(random() * 12) * interval '1 week'"
            + " + (random() - 0.5) * interval '3 hours') AT TIME ZONE 'Europe/Amsterdam'";

    /** A square grid of {@code side} × {@code side} cells of {@code metres} in the Dutch national grid. */
    private static long grid(Connection c, String name, int side, int metres) throws java.sql.SQLException {
        long set = Sql.one(c, "INSERT INTO area_sets (name, kind, metric_srid) VALUES (?, 'neighbourhood', 28992) RETURNING id",
                rs -> rs.getLong(1), name).orElseThrow();
        Sql.update(c, """
                INSERT INTO areas (area_set_id, code, name, population, geom)
                SELECT ?, 'C' || g, 'Cel ' || g, 500 + g * 37,
                       ST_Multi(ST_Transform(ST_MakeEnvelope(100000 + (g % ?) * ?::float8, 400000 + (g / ?) * ?::float8,
                                                             100000 + (g % ?) * ?::float8 + ?, 400000 + (g / ?) * ?::float8 + ?,
                                                             28992), 4326))
                  FROM generate_series(0, ? * ? - 1) g""",
                set, side, metres, side, metres, side, metres, metres, side, metres, metres, side, side);
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
        return Sql.read(dataSource, c -> Sql.one(c, """
                SELECT (SELECT string_agg(concat_ws(' ', project_id, account_id, first_week, home_area_id), ','
                                          ORDER BY project_id, account_id)
                          FROM activity_people)
                    || '|' || (SELECT string_agg(concat_ws(' ', project_id, account_id, week, contributions), ','
                                                 ORDER BY project_id, account_id, week) FROM activity_person_weeks)
                    || '|' || (SELECT string_agg(concat_ws(' ', project_id, week, participants, proposals, variants,
                                                           comments, supports), ',' ORDER BY project_id, week)
                                 FROM activity_weeks WHERE participants > 0)""", rs -> rs.getString(1)).orElseThrow());
    }

    private static void assertKeptTablesEqualARecount() {
        String kept = keptTables();
        Sql.transaction(dataSource, c -> Sql.one(c, "SELECT activity_recount()", rs -> 1));
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
        List<Long> proposals = Sql.read(dataSource, c -> Sql.list(c,
                "SELECT id FROM proposals WHERE project_id = ? ORDER BY id LIMIT 6", rs -> rs.getLong(1), project));
        List<Long> people = Sql.read(dataSource, c -> Sql.list(c, "SELECT id FROM accounts ORDER BY id LIMIT 6",
                rs -> rs.getLong(1)));
        var tasks = new ArrayList<Callable<Integer>>();
        for (int t = 0; t < 8; t++) {
            tasks.add(() -> {
                var random = ThreadLocalRandom.current();
                int done = 0;
                for (int i = 0; i < 60; i++) {
                    long proposal = proposals.get(random.nextInt(proposals.size()));
                    long person = people.get(random.nextInt(people.size()));
                    done += Sql.transaction(dataSource, c -> random.nextBoolean()
                            ? Sql.update(c, "INSERT INTO supports (proposal_id, account_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                                    proposal, person)
                            : Sql.update(c, "DELETE FROM supports WHERE proposal_id = ? AND account_id = ?", proposal, person));
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
        long proposal = Sql.read(dataSource, c -> Sql.one(c, "SELECT min(id) FROM proposals WHERE project_id = ?",
                rs -> rs.getLong(1), project)).orElseThrow();
        long[] newcomers = Sql.transaction(dataSource, c -> {
            long only = newAccount(c, "only");
            long twice = newAccount(c, "twice");
            Sql.update(c, "INSERT INTO supports (proposal_id, account_id, created_at) VALUES (?, ?, '2026-01-05 10:00+01')",
                    proposal, only);
            Sql.update(c, "INSERT INTO supports (proposal_id, account_id, created_at) VALUES (?, ?, '2026-01-06 10:00+01')",
                    proposal, twice);
            Sql.update(c, "INSERT INTO comments (proposal_id, author_id, body, created_at) VALUES (?, ?, 'Later', '2026-06-10 10:00+02')",
                    proposal, twice);
            return new long[] {only, twice};
        });
        var before = store.read(project, fine, null, null, AMSTERDAM, 1);
        assertEquals("2026-01-05", before.weekly().get(0).weekStart().toString());
        assertEquals(2, before.weekly().get(0).participants());
        assertEquals(2, before.weekly().get(0).newParticipants());

        Sql.transaction(dataSource, c -> Sql.update(c, "DELETE FROM supports WHERE proposal_id = ? AND account_id IN (?, ?)",
                proposal, newcomers[0], newcomers[1]));

        var after = store.read(project, fine, null, null, AMSTERDAM, 1);
        assertEquals(before.totals().people() - 1, after.totals().people(), "the person who only supported is gone");
        assertEquals(before.totals().supports() - 2, after.totals().supports());
        assertNotEquals("2026-01-05", after.weekly().get(0).weekStart().toString(), "that week had no one else");
        assertEquals(Sql.read(dataSource, c -> Sql.one(c, "SELECT first_week::text FROM activity_people"
                + " WHERE project_id = ? AND account_id = ?", rs -> rs.getString(1), project, newcomers[1])).orElseThrow(),
                "2026-06-08", "the other one's first week is now that of their comment");
        assertKeptEqualsRecount(AMSTERDAM);
        assertKeptTablesEqualARecount();
    }

    @Test
    void aPinAddedToOrRemovedFromACommentMovesItWhereItLies() {
        int changed = Jdbis.create(dataSource).inTransaction(h -> {
            int unpinned = h.execute("""
                    UPDATE comments SET geom = NULL
                     WHERE id IN (SELECT id FROM comments WHERE geom IS NOT NULL ORDER BY id LIMIT 5)""");
            int pinned = h.execute("""
                    UPDATE comments c SET geom = ST_PointOnSurface(p.geom) FROM proposals p
                     WHERE p.id = c.proposal_id
                       AND c.id IN (SELECT id FROM comments WHERE geom IS NULL ORDER BY id DESC LIMIT 7)""");
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
        int moved = Sql.transaction(dataSource, c -> Sql.update(c, """
                UPDATE accounts SET home_area_id = CASE WHEN id % 3 = 0 THEN NULL
                       ELSE (SELECT min(id) FROM areas WHERE area_set_id = ?) END
                 WHERE id IN (SELECT id FROM accounts ORDER BY id LIMIT 12)""", fine));

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

    private static long newAccount(Connection c, String name) throws java.sql.SQLException {
        return Sql.one(c, "INSERT INTO accounts (email, password_hash, display_name) VALUES (?, 'x', ?) RETURNING id",
                rs -> rs.getLong(1), name + "@test.example", name).orElseThrow();
    }
}
