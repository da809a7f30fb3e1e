package nl.plein.following;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A project's Atom feed, read back by ROME: public events only, every text escaped. */
class ProjectFeedTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("PLEIN_PUBLIC_URL", "https://plein.example"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Feed read(String xml) throws Exception {
        var input = new WireFeedInput();
        input.setXmlHealerOn(false);
        return (Feed) input.build(new StringReader(xml));
    }

    @Test
    void theFeedHoldsPublicEventsNewestFirstWithHostileTextEscaped() throws Exception {
        var admin = server.signedIn("admin@feed.example", Role.ADMIN);
        var planner = server.signedIn("planner@feed.example", Role.PLANNER);
        var moderator = server.signedIn("mod@feed.example", Role.MODERATOR);
        var anna = server.signedIn("anna@feed.example", Role.RESIDENT);
        long projectId = admin.post("/api/projects", project("Park & <Plein>", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        String hostile = "Bench <script>alert('x')</script> & \"more\"";
        long shown = anna.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, hostile))
                .expect(201).json().get("id").asLong();
        long hidden = anna.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, "Secret"))
                .expect(201).json().get("id").asLong();
        planner.post("/api/proposals/" + shown + "/decisions", Map.of("status", "under_consideration",
                "reason", "We look at it")).expect(201);
        planner.post("/api/proposals/" + shown + "/decisions", Map.of("status", "accepted", "reason", "Good <b>idea</b>"))
                .expect(201);
        moderator.post("/api/proposals/" + hidden + "/hide", Map.of("reason", "Personal attack")).expect(201);
        var events = new Events(server.dataSource);
        long work = events.work(projectId, shown, "Bench by the pond");
        events.step(work, "design", "Drawings ready", null, false);
        events.step(work, "update", "Hidden note", null, true);
        var now = OffsetDateTime.now();
        events.vote(projectId, "Spring vote", now.minusHours(2), now.minusHours(1));
        events.vote(projectId, "Future vote", now.plusDays(1), now.plusDays(2));

        var response = server.anonymous().get("/feeds/projects/" + projectId + ".atom").expect(200);
        assertTrue(response.header("Content-Type").startsWith("application/atom+xml"), response.header("Content-Type"));
        String xml = response.body();
        assertFalse(xml.contains("<script>"), xml);
        assertFalse(xml.contains("Secret"), "a hidden proposal's decisions are not in the feed");
        assertFalse(xml.contains("Hidden note"), "a hidden step is not in the feed");
        assertFalse(xml.contains("Future vote"), "a vote that has not opened is not news yet");

        Feed feed = read(xml);
        assertEquals("Park & <Plein>", feed.getTitleEx().getValue());
        assertEquals("https://plein.example/feeds/projects/" + projectId + ".atom", feed.getId());
        assertTrue(feed.getAlternateLinks().stream().map(Link::getHref).anyMatch(
                ("https://plein.example/#/projects/" + projectId)::equals), "links to the project page");
        assertTrue(feed.getOtherLinks().stream().anyMatch(l -> "self".equals(l.getRel())
                && l.getHref().equals(feed.getId())), "links to itself");
        // Published, then considered and accepted; the work and its step since; the vote an hour or two ago.
        assertEquals(List.of("step", "work", "decision", "decision", "decision", "vote_closed", "vote_opened"),
                feed.getEntries().stream().map(e -> e.getId().replaceAll(".*#(\\w+)-\\d+$", "$1")).toList());
        Entry accepted = feed.getEntries().get(2);
        assertTrue(accepted.getTitleEx().getValue().contains(hostile), accepted.getTitleEx().getValue());
        assertEquals("Good <b>idea</b>", accepted.getSummary().getValue());
        assertEquals("https://plein.example/#/proposals/" + shown, accepted.getAlternateLinks().get(0).getHref());
        for (Entry entry : feed.getEntries()) {
            assertTrue(entry.getUpdated() != null && entry.getId() != null && entry.getTitleEx() != null);
        }
        assertTrue(feed.getUpdated() != null && !feed.getAuthors().isEmpty(), "RFC 4287 needs updated and an author");
    }

    @Test
    void anUnknownProjectHasNoFeed() {
        server.anonymous().get("/feeds/projects/999999.atom").expect(404);
        server.anonymous().get("/feeds/projects/abc.atom").expect(404);
    }
}
