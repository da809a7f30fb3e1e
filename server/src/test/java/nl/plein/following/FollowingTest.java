package nl.plein.following;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Following over real HTTP on PostGIS: who is told of what, and who is not. */
class FollowingTest {
    static TestServer server;
    static Events events;
    static Client admin;
    static int round;
    Client moderator;
    Client planner;
    Client anna;
    Client bram;
    long projectId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        events = new Events(server.dataSource);
        admin = server.signedIn("admin@test.example", Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One server for the class (starting one is slow); each test has its own people and project. */
    @BeforeEach
    void people() {
        round++;
        planner = server.signedIn(email("planner"), Role.PLANNER);
        moderator = server.signedIn(email("mod"), Role.MODERATOR);
        anna = server.signedIn(email("anna"), Role.RESIDENT);
        bram = server.signedIn(email("bram"), Role.RESIDENT);
        projectId = admin.post("/api/projects", project("Park", List.of("point"), false)).expect(201).json()
                .get("id").asLong();
    }

    /** The route that follows thing {@code id} of {@code kind} (proposal, work, project). */
    private static String following(String kind, long id) {
        return "/api/following/" + kind + "/" + id;
    }

    private static String email(String name) {
        return name + round + "@test.example";
    }

    private long propose(Client author, String title) {
        return author.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, title)).expect(201)
                .json().get("id").asLong();
    }

    private static List<JsonNode> notifications(Client client) {
        var list = new ArrayList<JsonNode>();
        client.get("/api/following").expect(200).json().get("notifications").forEach(list::add);
        return list;
    }

    private static List<String> events(Client client) {
        return notifications(client).stream().map(n -> n.get("event").asText() + ":" + n.get("title").asText())
                .toList();
    }

    @Test
    void followingIsIdempotentAndStoppingIsToo() {
        long id = propose(anna, "Bench");
        String path = "/api/following/proposal/" + id;
        for (int i = 0; i < 2; i++) {
            assertTrue(bram.put(path, Map.of()).expect(200).json().get("following").asBoolean());
        }
        assertTrue(bram.get(path).expect(200).json().get("following").asBoolean());
        for (int i = 0; i < 2; i++) {
            assertFalse(bram.delete(path).expect(200).json().get("following").asBoolean());
        }
        assertFalse(bram.get(path).expect(200).json().get("following").asBoolean());
        bram.put("/api/following/project/" + projectId, Map.of()).expect(200);
        var follows = bram.get("/api/following").expect(200).json().get("follows");
        assertEquals(1, follows.size());
        assertEquals("project", follows.get(0).get("kind").asText());
        assertEquals("Park", follows.get(0).get("title").asText());
    }

    @Test
    void authorsFollowTheirOwnProposals() {
        long id = propose(anna, "Bench");
        assertTrue(anna.get("/api/following/proposal/" + id).expect(200).json().get("following").asBoolean());
    }

    @Test
    void whatCannotBeSeenCannotBeFollowedAndAnonymousPeopleFollowNothing() {
        long premoderated = admin.post("/api/projects", project("Moderated", List.of("point"), true)).expect(201)
                .json().get("id").asLong();
        long unpublished = anna.post("/api/projects/" + premoderated + "/proposals", proposal(INSIDE_POINT, "Hidden"))
                .expect(201).json().get("id").asLong();
        bram.put("/api/following/proposal/" + unpublished, Map.of()).expect(404);
        anna.put("/api/following/proposal/" + unpublished, Map.of()).expect(200);
        bram.put("/api/following/proposal/999999", Map.of()).expect(404);
        bram.put(following("work", 999999), Map.of()).expect(404);
        bram.put("/api/following/project/999999", Map.of()).expect(404);
        var problem = bram.put("/api/following/planet/1", Map.of()).expect(404).json();
        assertTrue(problem.get("detail").asText().contains("planet"), problem.toString());
        server.anonymous().put("/api/following/project/" + projectId, Map.of()).expect(401);
        server.anonymous().get("/api/following").expect(401);
    }

    @Test
    void aDecisionReachesFollowersOfTheProposalAndOfTheProjectOnceEachButNotWhoDecided() {
        long id = propose(anna, "Bench");
        bram.put("/api/following/proposal/" + id, Map.of()).expect(200);
        bram.put("/api/following/project/" + projectId, Map.of()).expect(200);
        planner.put("/api/following/project/" + projectId, Map.of()).expect(200);
        planner.post("/api/proposals/" + id + "/decisions",
                Map.of("status", "under_consideration", "reason", "We look at it")).expect(201);
        assertEquals(List.of("decision:Bench"), events(anna));
        assertEquals(List.of("decision:Bench"), events(bram));
        assertEquals(List.of(), events(planner));
        var n = notifications(bram).get(0);
        assertEquals("under_consideration", n.get("status").asText());
        assertEquals("We look at it", n.get("detail").asText());
        assertEquals("proposal", n.get("kind").asText());
        assertEquals(id, n.get("targetId").asLong());
        assertTrue(n.get("unread").asBoolean());
    }

    @Test
    void commentsReachTheAuthorButNotTheCommenterAndNotOnceHidden() {
        long id = propose(anna, "Bench");
        bram.post("/api/proposals/" + id + "/comments", feature(null, Map.of("body", "Nice idea"))).expect(201);
        anna.post("/api/proposals/" + id + "/comments", feature(null, Map.of("body", "Thanks"))).expect(201);
        assertEquals(List.of("comment:Bench"), events(anna));
        assertEquals("Nice idea", notifications(anna).get(0).get("detail").asText());
        assertEquals(List.of(), events(bram), "people are not told of their own comments");

        long rude = bram.post("/api/proposals/" + id + "/comments", feature(null, Map.of("body", "Rude words")))
                .expect(201).json().get("id").asLong();
        moderator.post("/api/comments/" + rude + "/hide", Map.of("reason", "Personal attack")).expect(201);
        assertEquals(1, notifications(anna).size(), "a hidden comment is not shown");
    }

    @Test
    void noticesOfAHiddenProposalAreNoLongerShownToResidents() {
        long id = propose(anna, "Bench");
        bram.put("/api/following/proposal/" + id, Map.of()).expect(200);
        planner.post("/api/proposals/" + id + "/decisions",
                Map.of("status", "under_consideration", "reason", "We look at it")).expect(201);
        moderator.post("/api/proposals/" + id + "/hide", Map.of("reason", "Personal attack")).expect(201);
        assertEquals(List.of(), events(bram));
        planner.post("/api/proposals/" + id + "/decisions",
                Map.of("status", "rejected", "reason", "Hidden anyway")).expect(201);
        assertEquals(List.of(), events(bram));
        assertEquals(1, countQueued(events.accountId(email("bram"))), "a decision on a hidden proposal is not queued");
    }

    private long countQueued(long account) {
        return events.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM notifications WHERE account_id = :a").bind("a", account).mapTo(Long.class).one());
    }

    @Test
    void stepsOfAWorkReachItsFollowersAndTheProjectsButNotHiddenOnes() {
        long proposalId = propose(anna, "Bench");
        long workId = events.work(projectId, proposalId, "Bench by the pond");
        bram.put(following("work", workId), Map.of()).expect(200);
        var carol = server.signedIn(email("carol"), Role.RESIDENT);
        carol.put("/api/following/project/" + projectId, Map.of()).expect(200);
        events.step(workId, "design", "Drawings ready", events.accountId(email("planner")), false);
        events.step(workId, "update", "Secret", null, true);
        assertEquals(List.of("step:Bench by the pond"), events(bram));
        assertEquals(List.of("step:Bench by the pond"), events(carol));
        assertEquals("design", notifications(bram).get(0).get("status").asText());
        assertEquals("work", notifications(bram).get(0).get("kind").asText());
        assertEquals(List.of(), events(planner));
    }

    @Test
    void aVoteOpeningAndClosingIsNoticedOnce() {
        bram.put("/api/following/project/" + projectId, Map.of()).expect(200);
        var notices = new VoteNotices(events.jdbi());
        var now = OffsetDateTime.now();
        long open = events.vote(projectId, "Open now", now.minusHours(1), now.plusDays(1));
        events.vote(projectId, "Later", now.plusDays(1), now.plusDays(2));
        assertEquals(1, notices.run());
        assertEquals(0, notices.run(), "an opening is noticed once");
        events.jdbi().useHandle(h -> h.execute("UPDATE votes SET closes_at = now() - interval '1 minute', "
                + "opens_at = now() - interval '2 hours' WHERE id = ?", open));
        assertEquals(1, notices.run());
        assertEquals(List.of("vote_closed:Open now", "vote_opened:Open now"), events(bram));
        assertEquals("project", notifications(bram).get(0).get("kind").asText());
    }

    @Test
    void notificationsArePagedNewestFirstAndMarkedReadUpToAnId() {
        long id = propose(anna, "Bench");
        for (int i = 0; i < 5; i++) {
            bram.post("/api/proposals/" + id + "/comments", feature(null, Map.of("body", "c" + i))).expect(201);
        }
        assertEquals(5, anna.get("/api/following/unread").expect(200).json().get("unread").asLong());
        var page = anna.get("/api/following?limit=2").expect(200).json();
        assertEquals(2, page.get("notifications").size());
        assertEquals("c4", page.get("notifications").get(0).get("detail").asText());
        String next = page.get("next").asText();
        var second = anna.get(next.substring(next.indexOf("/api/"))).expect(200).json();
        assertEquals("c2", second.get("notifications").get(0).get("detail").asText());
        long upTo = second.get("notifications").get(0).get("id").asLong();
        assertEquals(2, anna.post("/api/following/read", Map.of("upTo", upTo)).expect(200).json().get("unread").asLong());
        var all = notifications(anna);
        assertEquals(List.of(true, true, false, false, false), all.stream().map(n -> n.get("unread").asBoolean()).toList());
        anna.post("/api/following/read", Map.of("upTo", 1)).expect(200);
        assertEquals(2, anna.get("/api/following/unread").json().get("unread").asLong(), "a mark never moves back");
        anna.post("/api/following/read", Map.of("upTo", Long.MAX_VALUE)).expect(200);
        bram.post("/api/proposals/" + id + "/comments", feature(null, Map.of("body", "later"))).expect(201);
        assertEquals(1, anna.get("/api/following/unread").json().get("unread").asLong(),
                "marking past the newest does not swallow what comes later");
        var problem = anna.post("/api/following/read", Map.of()).expect(400).json();
        assertNotNull(problem.get("errors"), problem.toString());
        anna.post("/api/following/read", Map.of("upTo", "x")).expect(400);
        anna.get("/api/following?limit=0").expect(400);
    }

    @Test
    void eMailCanBeTurnedOffAndItsLanguageChosen() {
        var email = anna.get("/api/following").expect(200).json().get("email");
        assertTrue(email.get("enabled").asBoolean());
        assertEquals("nl", email.get("language").asText());
        assertFalse(email.get("available").asBoolean(), "no SMTP is configured here");
        var changed = anna.patch("/api/following/email", Map.of("enabled", false, "language", "en")).expect(200).json();
        assertFalse(changed.get("enabled").asBoolean());
        assertEquals("en", changed.get("language").asText());
        anna.patch("/api/following/email", Map.of("language", "fr")).expect(400);
        anna.patch("/api/following/email", Map.of("enabled", "yes")).expect(400);
        assertEquals("en", anna.get("/api/following").json().get("email").get("language").asText());
    }
}
