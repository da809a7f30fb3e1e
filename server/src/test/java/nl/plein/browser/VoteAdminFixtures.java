package nl.plein.browser;

import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.plein.accounts.AccountStore;
import nl.plein.accounts.Passwords;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.gisdata.demo.DemoData;
import nl.plein.support.Client;
import nl.plein.support.Fixtures;
import nl.plein.support.TestServer;
import org.jdbi.v3.core.Jdbi;

/**
 * What the planners' and the results pages need, made the way the other helpers' code is not
 * needed for: accounts in the store, a project and its proposals through the real API, and a
 * boundary set of two halves of the project's area (Noord above 52.505, Zuid below, 1,000
 * residents each) and votes written with plain SQL into the V14 tables. Everyone shares the demo
 * accounts' password.
 */
final class VoteAdminFixtures {
    static final String ADMIN = "admin@voteadmin.test";
    static final String PLANNER = "planner@voteadmin.test";
    static final String SECOND_PLANNER = "planner2@voteadmin.test";
    static final String RESIDENT = "resident@voteadmin.test";

    final TestServer server;
    final Jdbi jdbi;
    final long projectId;
    final long areaSetId;
    final long noord;
    final long zuid;
    /** Proposal ids by title: two in Noord, one in Zuid, all published. */
    final Map<String, Long> proposals = new LinkedHashMap<>();

    VoteAdminFixtures(TestServer server) {
        this.server = server;
        this.jdbi = Jdbis.create(server.dataSource);
        account(ADMIN, Role.ADMIN);
        account(PLANNER, Role.PLANNER);
        account(SECOND_PLANNER, Role.PLANNER);
        account(RESIDENT, Role.RESIDENT);
        Client admin = client(ADMIN);
        projectId = admin.post("/api/projects", project("Brink", List.of("point", "line", "polygon"), false))
                .expect(201).json().get("id").asLong();
        areaSetId = id("INSERT INTO area_sets (name, year) VALUES ('Helften', 2026) RETURNING id", Map.of());
        noord = area("NRD", "Noord", 52.505, 52.51);
        zuid = area("ZUD", "Zuid", 52.50, 52.505);
        Client resident = client(RESIDENT);
        for (var entry : Map.of(
                "Bomen in de Noorderstraat", Fixtures.point(5.503, 52.507),
                "Meer bomen langs de Noorderstraat", Fixtures.point(5.504, 52.508),
                "Speeltuin in het Zuiderpark", Fixtures.PLAYGROUND).entrySet()) {
            proposals.put(entry.getKey(), resident.post("/api/projects/" + projectId + "/proposals",
                    proposal(entry.getValue(), entry.getKey())).expect(201).json().get("id").asLong());
        }
    }

    Client client(String email) {
        Client client = new Client(server.baseUrl);
        client.signIn(email, DemoData.DEMO_PASSWORD);
        return client;
    }

    private void account(String email, Role role) {
        new AccountStore(jdbi).create(email, Passwords.hash(DemoData.DEMO_PASSWORD), email.split("@")[0],
                Optional.empty(), role);
    }

    /** A vote with a city-wide pot and a pot per half, opening and closing this many hours from now. */
    Vote vote(String title, String ballotType, String rule, int opensInHours, int closesInHours) {
        var values = new LinkedHashMap<String, Object>();
        values.put("project", projectId);
        values.put("title", title);
        values.put("type", ballotType);
        values.put("rule", rule);
        values.put("set", areaSetId);
        values.put("opens", opensInHours);
        values.put("closes", closesInHours);
        long voteId = id("""
                INSERT INTO votes (project_id, title, ballot_type, points, rule, area_set_id, opens_at, closes_at)
                VALUES (:project, :title, :type, CASE WHEN :type = 'cumulative' THEN 10 END, :rule, :set,
                        now() + make_interval(hours => :opens),
                        now() + make_interval(hours => :closes))
                RETURNING id""", values);
        return new Vote(voteId, pot(voteId, null, "Hele stad", 100_000), pot(voteId, noord, "Noord", 60_000),
                pot(voteId, zuid, "Zuid", 50_000));
    }

    record Vote(long id, long cityPot, long noordPot, long zuidPot) {
    }

    long item(long voteId, long potId, String title, long cost, String wkt) {
        var values = new LinkedHashMap<String, Object>();
        values.put("vote", voteId);
        values.put("pot", potId);
        values.put("title", title);
        values.put("cost", cost);
        values.put("wkt", wkt);
        return id("""
                INSERT INTO ballot_items (vote_id, pot_id, title, cost, reason, geom)
                VALUES (:vote, :pot, :title, :cost, 'Haalbaar binnen een jaar.', ST_GeomFromText(:wkt, 4326))
                RETURNING id""", values);
    }

    /** One approval ballot (channel code, no identity) with these items, from a voter living in the area. */
    void ballot(long voteId, Long areaId, long... itemIds) {
        jdbi.useTransaction(h -> {
            long ballot = h.createQuery("""
                    INSERT INTO ballots (vote_id, channel, area_id, receipt)
                    VALUES (:vote, 'paper', :area, md5(random()::text || clock_timestamp()::text)) RETURNING id""")
                    .bind("vote", voteId).bindByType("area", areaId, Long.class).mapTo(Long.class).one();
            for (long item : itemIds) {
                h.createUpdate("INSERT INTO ballot_choices (ballot_id, item_id) VALUES (:ballot, :item)")
                        .bind("ballot", ballot).bind("item", item).execute();
            }
        });
    }

    /** A cumulative ballot (10 points per pot) of a vote made with {@link #vote}, closed an hour ago. */
    Vote cumulativeVote(String title) {
        return vote(title, "cumulative", "greedy", -48, -1);
    }

    /** One ballot giving each item its points, from a voter living in the area. */
    void pointsBallot(long voteId, Long areaId, Map<Long, Integer> points) {
        jdbi.useTransaction(h -> {
            long ballot = h.createQuery("""
                    INSERT INTO ballots (vote_id, channel, area_id, receipt)
                    VALUES (:vote, 'paper', :area, md5(random()::text || clock_timestamp()::text)) RETURNING id""")
                    .bind("vote", voteId).bindByType("area", areaId, Long.class).mapTo(Long.class).one();
            for (var choice : points.entrySet()) {
                h.createUpdate("INSERT INTO ballot_choices (ballot_id, item_id, points) VALUES (:ballot, :item, :points)")
                        .bind("ballot", ballot).bind("item", choice.getKey()).bind("points", choice.getValue()).execute();
            }
        });
    }

    long count(String sql, long voteId) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("vote", voteId).mapTo(Long.class).one());
    }

    private long area(String code, String name, double south, double north) {
        String wkt = "MULTIPOLYGON(((5.50 " + south + ", 5.51 " + south + ", 5.51 " + north + ", 5.50 " + north
                + ", 5.50 " + south + ")))";
        return id("""
                INSERT INTO areas (area_set_id, code, name, population, geom)
                VALUES (:set, :code, :name, 1000, ST_GeomFromText(:wkt, 4326)) RETURNING id""",
                Map.of("set", areaSetId, "code", code, "name", name, "wkt", wkt));
    }

    private long pot(long voteId, Long area, String name, long budget) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO vote_pots (vote_id, area_id, name, budget) VALUES (:vote, :area, :name, :budget)
                RETURNING id""").bind("vote", voteId).bindByType("area", area, Long.class).bind("name", name)
                .bind("budget", budget).mapTo(Long.class).one());
    }

    private long id(String sql, Map<String, Object> values) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql);
            values.forEach(query::bind);
            return query.mapTo(Long.class).one();
        });
    }
}
