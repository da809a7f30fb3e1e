package nl.plein.moderation;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.PLAYGROUND;
import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hidden content must not leak through any endpoint, to anyone but staff and its author. */
class HiddenContentTest {
    static final String SECRET = "Zeer geheime tekst";
    static TestServer server;
    static Client moderator;
    static Client anna;
    static Client bram;
    static Client anonymous;
    static long projectId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        var admin = server.signedIn("admin@test.example", Role.ADMIN);
        moderator = server.signedIn("mod@test.example", Role.MODERATOR);
        anna = server.signedIn("anna@test.example", Role.RESIDENT);
        bram = server.signedIn("bram@test.example", Role.RESIDENT);
        anonymous = server.anonymous();
        projectId = admin.post("/api/projects", project("P", List.of("point", "line", "polygon"), false))
                .expect(201).json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertNoLeak(Client who, long proposalId) {
        who.get("/api/proposals/" + proposalId).expect(404);
        who.get("/api/proposals/" + proposalId + "/comments").expect(404);
        who.get("/api/proposals/" + proposalId + "/variants").expect(404);
        for (String list : List.of("/api/proposals?project=" + projectId + "&limit=1000",
                "/api/proposals?q=geheime", "/api/proposals?bbox=5.5,52.5,5.51,52.51&limit=1000",
                "/api/projects", "/api/projects/" + projectId)) {
            String body = who.get(list).expect(200).body();
            assertFalse(body.contains(SECRET), () -> list + " leaks: " + body);
        }
    }

    @Test
    void aHiddenProposalIsGoneForResidentsAndVisitorsButNotForStaff() {
        long id = anna.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, SECRET))
                .expect(201).json().get("id").asLong();
        long count = anonymous.get("/api/projects/" + projectId).json().get("properties").get("proposalCount").asLong();
        bram.post("/api/proposals/" + id + "/hide", Map.of("reason", "spam")).expect(403);
        moderator.post("/api/proposals/" + id + "/hide", Map.of()).expect(400);
        var entry = moderator.post("/api/proposals/" + id + "/hide", Map.of("reason", "Personal attack"))
                .expect(201).json();
        assertEquals("hide", entry.get("action").asText());
        moderator.post("/api/proposals/" + id + "/hide", Map.of("reason", "again")).expect(409);

        assertNoLeak(anonymous, id);
        assertNoLeak(bram, id);
        bram.put("/api/proposals/" + id + "/support", Map.of()).expect(404);
        bram.post("/api/proposals/" + id + "/comments", feature(null, Map.of("body", "hi"))).expect(404);
        assertEquals(count - 1, anonymous.get("/api/projects/" + projectId).json().get("properties")
                .get("proposalCount").asLong());

        var asStaff = moderator.get("/api/proposals/" + id).expect(200).json();
        assertTrue(asStaff.get("properties").get("hidden").asBoolean());
        var asAuthor = anna.get("/api/proposals/" + id).expect(200).json();
        assertTrue(asAuthor.get("properties").get("hidden").asBoolean(), "authors learn that it was hidden");
        assertEquals(1, moderator.get("/api/moderation/log").expect(200).json().size());
        bram.get("/api/moderation/log").expect(403);

        moderator.post("/api/proposals/" + id + "/restore", Map.of("reason", "Reviewed on appeal")).expect(201);
        assertEquals(SECRET, bram.get("/api/proposals/" + id).expect(200).json().get("properties")
                .get("title").asText());
    }

    @Test
    void aHiddenCommentLeavesOnlyAnEmptyPlaceInTheThread() {
        long id = anna.post("/api/projects/" + projectId + "/proposals", proposal(PLAYGROUND, "Speeltuin"))
                .expect(201).json().get("id").asLong();
        long comment = bram.post("/api/proposals/" + id + "/comments",
                feature(INSIDE_POINT, Map.of("body", SECRET))).expect(201).json().get("id").asLong();
        moderator.post("/api/comments/" + comment + "/hide", Map.of("reason", "Off topic")).expect(201);
        for (Client who : List.of(anonymous, anna)) {
            var thread = who.get("/api/proposals/" + id + "/comments").expect(200);
            assertFalse(thread.body().contains(SECRET), thread.body());
            var placeholder = thread.json().get("features").get(0);
            assertTrue(placeholder.get("properties").get("hidden").asBoolean());
            assertTrue(placeholder.get("geometry").isNull(), "the drawing is hidden too");
            assertFalse(placeholder.get("properties").has("author"));
        }
        assertTrue(bram.get("/api/proposals/" + id + "/comments").body().contains(SECRET), "its author still sees it");
        assertTrue(moderator.get("/api/proposals/" + id + "/comments").body().contains(SECRET));
        assertEquals(0, anonymous.get("/api/proposals/" + id).json().get("properties").get("commentCount").asInt());
        anna.post("/api/proposals/" + id + "/comments", feature(null, Map.of("body", "reply",
                "parentId", comment))).expect(400);
    }

    @Test
    void aHiddenVariantIsGoneButItsProposalStays() {
        long id = anna.post("/api/projects/" + projectId + "/proposals", proposal(PLAYGROUND, "Plein"))
                .expect(201).json().get("id").asLong();
        long variant = bram.post("/api/proposals/" + id + "/variants",
                feature(INSIDE_POINT, Map.of("title", SECRET))).expect(201).json().get("id").asLong();
        moderator.post("/api/variants/" + variant + "/hide", Map.of("reason", "Spam")).expect(201);
        anonymous.get("/api/variants/" + variant).expect(404);
        anonymous.get("/api/variants/" + variant + "/comparison").expect(404);
        assertFalse(anonymous.get("/api/proposals/" + id + "/variants").expect(200).body().contains(SECRET));
        assertEquals(0, anonymous.get("/api/proposals/" + id).json().get("properties").get("variantCount").asInt());
        moderator.get("/api/variants/" + variant).expect(200);
    }
}
