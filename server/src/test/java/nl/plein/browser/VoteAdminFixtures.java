package nl.plein.browser;

import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * boundary set of two halves of the project's area and votes written with plain SQL into the V14
 * tables, by {@link VoteFixtures}' steps. Everyone shares the demo accounts' password.
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
    private final VoteFixtures.Halves halves;
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
        halves = VoteFixtures.halves(jdbi, "Helften", 2026);
        areaSetId = halves.setId();
        noord = halves.noord();
        zuid = halves.zuid();
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
        VoteFixtures.account(jdbi, email, role, Optional.empty());
    }

    /** A vote with a city-wide pot and a pot per half, opening and closing this many hours from now. */
    VoteFixtures.Vote vote(String title, String ballotType, String rule, int opensInHours, int closesInHours) {
        // A cumulative ballot spreads 10 points.
        Integer points = ballotType.equals("cumulative") ? 10 : null;
        return VoteFixtures.insertVote(jdbi, projectId, halves,
                new VoteFixtures.Setup(title, "", ballotType, points, null, rule, opensInHours, closesInHours));
    }

    long item(long voteId, long potId, String title, long cost, String wkt) {
        return VoteFixtures.insertItem(jdbi, voteId, potId, title, "", cost, wkt);
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
    VoteFixtures.Vote cumulativeVote(String title) {
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
}
