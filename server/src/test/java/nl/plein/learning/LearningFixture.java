package nl.plein.learning;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.TestServer;

/**
 * Two rounds of one series, "Park de Heuvel 2024" and "… 2026", over three neighbourhoods of 1,000
 * residents each (strips west to east: Noord, Zuid, Oost). In 2024 twelve people from Noord and three
 * from Oost take part and nobody from Zuid, so the participation analysis marks Zuid under-represented
 * (15 participants, Zuid expects 5; the upper end of its interval, 3.69/5, is below 1). In 2026 six
 * from each of Noord and Zuid and three from Oost take part. The 2026 round has four works: one done
 * on time but over budget (€ 30,000, built in Noord), one delayed (€ 12,000, Noord), one on schedule
 * (€ 15,000, Zuid) and one cancelled (€ 99,999, Oost, which counts nowhere); the first has six
 * evaluations (mean 4.0), the third two. 2026 also has a counted budget vote ({@link #vote}). The
 * rounds are linked as a series, and 2026 has one lesson.
 */
public final class LearningFixture {
    /**
     * Money per resident by hand: (30,000 + 12,000) / 1,000 in Noord, 15,000 / 1,000 in Zuid, and in
     * Oost only the funded playground, 8,000 / 1,000 (its cancelled work of 99,999 counts nowhere).
     */
    public static final double NOORD_PER_RESIDENT = (30_000 + 12_000) / 1_000.0;
    public static final double ZUID_PER_RESIDENT = 15_000 / 1_000.0;
    public static final double OOST_PER_RESIDENT = 8_000 / 1_000.0;

    public final TestServer server;
    public final Client admin;
    public final Client planner;
    public final long round2024;
    public final long round2026;
    public final List<Long> works = new ArrayList<>();
    public final long seriesId;

    public LearningFixture(TestServer server) throws SQLException {
        this.server = server;
        admin = server.signedIn("admin@test.example", Role.ADMIN);
        planner = server.signedIn("planner@test.example", Role.PLANNER);
        round2024 = admin.post("/api/projects", project("Park de Heuvel 2024", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        round2026 = admin.post("/api/projects", project("Park de Heuvel 2026", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        sql("INSERT INTO area_sets (name) VALUES ('Buurten Heuvel')");
        sql("""
                INSERT INTO areas (area_set_id, code, name, population, geom)
                SELECT s.id, a.code, a.name, 1000, ST_Multi(ST_MakeEnvelope(a.x0, 52.49, a.x1, 52.52, 4326))
                  FROM (VALUES ('BU01', 'Noord', 5.49, 5.503), ('BU02', 'Zuid', 5.503, 5.506),
                               ('BU03', 'Oost', 5.506, 5.52)) AS a (code, name, x0, x1)
                 CROSS JOIN area_sets s WHERE s.name = 'Buurten Heuvel'""");
        long first = propose(round2024, "Speeltuin");
        long second = propose(round2026, "Bankjes");
        for (int i = 1; i <= 12; i++) {
            var noord = resident("noord" + i, "Noord");
            support(noord, first);
            if (i <= 6) {
                support(noord, second);
            }
        }
        for (int i = 1; i <= 6; i++) {
            support(resident("zuid" + i, "Zuid"), second);
        }
        for (int i = 1; i <= 3; i++) {
            var oost = resident("oost" + i, "Oost");
            support(oost, first);
            support(oost, second);
        }
        works.add(work(second, "Bankjes", 5.501, "done", "2026-06-01", "'2026-05-01'", 30_000, 31_000));
        works.add(work(propose(round2026, "Pad"), "Pad", 5.502, "construction", "2020-01-01", "NULL", 12_000, 0));
        works.add(work(propose(round2026, "Bomen"), "Bomen", 5.5045, "planned", "2099-01-01", "NULL", 15_000, 0));
        works.add(work(propose(round2026, "Fontein"), "Fontein", 5.508, "cancelled", "2026-01-01", "NULL",
                99_999, 500));
        int[] ratings = {5, 4, 4, 3, 5, 3};
        for (int i = 0; i < ratings.length; i++) {
            evaluate(works.get(0), "noord" + (i + 1), ratings[i]);
        }
        evaluate(works.get(2), "zuid1", 2);
        evaluate(works.get(2), "zuid2", 4);
        vote();
        seriesId = planner.post("/api/series", Map.of("name", "Park de Heuvel")).expect(201).json().get("id").asLong();
        planner.put("/api/projects/" + round2024 + "/series",
                Map.of("seriesId", seriesId, "label", "2024", "position", 2024)).expect(200);
        planner.put("/api/projects/" + round2026 + "/series",
                Map.of("seriesId", seriesId, "label", "2026", "position", 2026)).expect(200);
        planner.post("/api/projects/" + round2026 + "/lessons", Map.of("text", "Go to Zuid's school gates"))
                .expect(201);
    }

    /**
     * A budget vote of the 2026 round, closed an hour ago: one city-wide pot of € 10,000 with one
     * item, a € 8,000 playground drawn in Oost, chosen on paper ballots by 7 voters from Noord, 6 from
     * Zuid and 2 from Oost (paper: voters who are no participants). Counted, greedy funds it, and it
     * is not yet a work, so Oost gets € 8 per resident.
     */
    private void vote() throws SQLException {
        sql("INSERT INTO votes (project_id, title, ballot_type, rule, area_set_id, opens_at, closes_at)"
                + " SELECT " + round2026 + ", 'Buurtbudget 2026', 'approval', 'greedy', id, now() - interval '2 days',"
                + " now() - interval '1 hour' FROM area_sets WHERE name = 'Buurten Heuvel'");
        sql("INSERT INTO vote_pots (vote_id, name, budget) SELECT id, 'Stad', 10000 FROM votes WHERE project_id = "
                + round2026);
        sql("INSERT INTO ballot_items (vote_id, pot_id, title, cost, reason, geom) SELECT p.vote_id, p.id, 'Speelplek',"
                + " 8000, 'Haalbaar', ST_SetSRID(ST_MakePoint(5.51, 52.505), 4326) FROM vote_pots p JOIN votes v"
                + " ON v.id = p.vote_id WHERE v.project_id = " + round2026);
        int receipt = 0;
        for (var home : Map.of("Noord", 7, "Zuid", 6, "Oost", 2).entrySet()) {
            for (int i = 0; i < home.getValue(); i++) {
                receipt++;
                sql("WITH b AS (INSERT INTO ballots (vote_id, channel, area_id, receipt) SELECT v.id, 'paper', a.id, 'L-"
                        + receipt + "' FROM votes v, areas a WHERE v.project_id = " + round2026 + " AND a.name = '"
                        + home.getKey() + "' RETURNING id, vote_id) INSERT INTO ballot_choices (ballot_id, item_id)"
                        + " SELECT b.id, i.id FROM b JOIN ballot_items i ON i.vote_id = b.vote_id");
            }
        }
    }

    private long propose(long projectId, String title) {
        return planner.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, title)).expect(201)
                .json().get("id").asLong();
    }

    private static void support(Client client, long proposalId) {
        client.put("/api/proposals/" + proposalId + "/support", Map.of()).expect(200);
    }

    private Client resident(String name, String homeArea) throws SQLException {
        var client = server.signedIn(name + "@test.example", Role.RESIDENT);
        sql("UPDATE accounts SET home_area_id = (SELECT id FROM areas WHERE name = '" + homeArea
                + "') WHERE email = '" + name + "@test.example'");
        return client;
    }

    /** A work as the works package will write it (its routes are being built beside this): straight into V16. */
    private long work(long proposalId, String title, double lon, String status, String plannedEnd, String finishedOn,
            long budget, long spent) throws SQLException {
        try (var c = server.dataSource.getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("INSERT INTO works (project_id, proposal_id, title, team, planned_start, planned_end,"
                    + " budget, spent, as_built, status, finished_on) SELECT project_id, id, '" + title + "', 'Groen',"
                    + " '2019-01-01', '" + plannedEnd + "', " + budget + ", " + spent + ", ST_SetSRID(ST_MakePoint("
                    + lon + ", 52.505), 4326), '" + status + "', " + finishedOn + " FROM proposals WHERE id = "
                    + proposalId + " RETURNING id");
            rs.next();
            return rs.getLong(1);
        }
    }

    private void evaluate(long workId, String name, int rating) throws SQLException {
        sql("INSERT INTO evaluations (work_id, author_id, rating) SELECT " + workId + ", id, " + rating
                + " FROM accounts WHERE email = '" + name + "@test.example'");
    }

    private void sql(String statement) throws SQLException {
        try (var c = server.dataSource.getConnection(); var st = c.createStatement()) {
            assertEquals(false, st.execute(statement));
        }
    }
}
