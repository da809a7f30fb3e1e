package nl.plein.meetings;

import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.reports.ReportFixture;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The printable record of a closed meeting over real HTTP on PostGIS: the meeting first (times,
 * figures in public form, the slide shown with the map the server drew at the close, the question
 * and its public results, the comment made), then the project's report as it stood at the close.
 * Later changes to the data leave the page as it was; user text is escaped; an open meeting has no
 * record page yet.
 */
class MeetingReportTest {
    static final String SLIDE_TITLE = "Waar <komen> de bomen?";
    static final String COMMENT = "Meer schaduw bij de <b>bank</b>";
    static TestServer server;
    static ReportFixture fixture;
    static Client planner;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fixture = ReportFixture.create(server);
        planner = server.signedIn("planner@meeting-report.test", Role.PLANNER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A presentation of one slide, a meeting showing it, a guest's comment and answer, then the close. */
    static long closedMeeting(TestServer server, ReportFixture fixture, Client planner) {
        long presentation = planner.post("/api/projects/" + fixture.projectId + "/presentations",
                Map.of("title", "Raadsavond")).expect(201).json().get("id").asLong();
        planner.post("/api/presentations/" + presentation + "/slides", Map.of("title", SLIDE_TITLE,
                "text", "Alle voorstellen die iedereen kan zien.",
                "view", Map.of("bbox", List.of(4.0, 51.0, 7.0, 53.0), "layers",
                        Map.of("proposals", Map.of("statuses", List.of("published", "under_consideration", "accepted")),
                                "participation", Map.of("set", fixture.setId))))).expect(201);
        JsonNode meeting = planner.post("/api/projects/" + fixture.projectId + "/meetings",
                Map.of("presentationId", presentation)).expect(201).json();
        long id = meeting.get("id").asLong();
        Client phone = server.anonymous();
        var joined = phone.post("/api/meetings/join", Map.of("code", meeting.get("code").asText(),
                "displayName", "Fatima")).expect(201).json();
        phone.useCsrfToken(joined.get("csrfToken").asText());
        phone.post("/api/meetings/" + id + "/proposals/" + fixture.playgroundId + "/comments",
                Map.of("body", COMMENT)).expect(201);
        long question = planner.post("/api/meetings/" + id + "/questions", Map.of("kind", "choice",
                "prompt", "Meer bomen of meer bankjes?", "options", List.of("Bomen", "Bankjes"))).expect(201)
                .json().get("id").asLong();
        phone.put("/api/meetings/" + id + "/questions/" + question + "/answer", Map.of("choice", 0)).expect(200);
        planner.post("/api/meetings/" + id + "/close", Map.of()).expect(200);
        return id;
    }

    @Test
    void theRecordPageShowsTheMeetingThenTheReportAndStaysTheSameAfterTheDataChanges() {
        long id = closedMeeting(server, fixture, planner);
        String en = server.anonymous().get("/reports/meetings/" + id + "?lang=en").expect(200).body();
        assertTrue(en.contains("<h1>Record of the meeting of "), en);
        assertTrue(en.contains(": " + ReportFixture.TITLE + "</h1>"));
        assertTrue(en.indexOf("The meeting</h2>") < en.indexOf("The process</h2>"), "the meeting comes first");
        assertTrue(en.contains("Presentation shown: Raadsavond"));
        assertTrue(en.contains("<dt>People who joined</dt><dd>&lt;5</dd>"), "one guest shows as <5");
        assertTrue(en.contains("<dt>Comments made</dt><dd>1</dd>"));
        assertTrue(en.contains("<h3>Slide 1: Waar &lt;komen&gt; de bomen?</h3>"));
        assertFalse(en.contains(SLIDE_TITLE), "the slide's title is escaped everywhere");
        assertTrue(en.contains("Meer bomen of meer bankjes?"));
        assertTrue(en.contains("<td>Bomen</td><td class=\"number\">&lt;5</td>"), "one answer shows as <5");
        assertTrue(en.contains("Meer schaduw bij de &lt;b&gt;bank&lt;/b&gt;"));
        assertFalse(en.contains("<b>bank</b>"));
        // Three report maps and the slide's map, all drawn by the server.
        assertEquals(4, en.split("<svg ", -1).length - 1);
        assertTrue(en.contains("Participants per 1,000 residents"), "the report part follows");
        String nl = server.anonymous().get("/reports/meetings/" + id + "?lang=nl").expect(200).body();
        assertTrue(nl.contains("<h1>Verslag van de bijeenkomst van "));
        assertTrue(nl.contains("Vragen aan de zaal"));

        Client resident = server.signedIn("late@meeting-report.test", Role.RESIDENT);
        resident.post("/api/proposals/" + fixture.playgroundId + "/comments",
                feature(null, Map.of("body", "Een reactie na de bijeenkomst"))).expect(201);
        Client admin = server.signedIn("admin@meeting-report.test", Role.ADMIN);
        admin.patch("/api/projects/" + fixture.projectId, feature(null, Map.of("title", "Hernoemd plein"))).expect(200);
        assertEquals(en, server.anonymous().get("/reports/meetings/" + id + "?lang=en").expect(200).body(),
                "the record page reads the same after the data changed");
        admin.patch("/api/projects/" + fixture.projectId, feature(null, Map.of("title", ReportFixture.TITLE))).expect(200);
    }

    @Test
    void theRecordDrawsAMapWithAMarkForEveryVisiblePinAndOlderRecordsWithoutItStillRender() {
        JsonNode meeting = planner.post("/api/projects/" + fixture.projectId + "/meetings", Map.of()).expect(201).json();
        long id = meeting.get("id").asLong();
        String code = meeting.get("code").asText();
        long question = planner.post("/api/meetings/" + id + "/questions", Map.of("kind", "pin",
                "prompt", "Waar is het te <donker>?")).expect(201).json().get("id").asLong();
        // Seven people pin; two share a place, and a moderator hides one pin: six stay visible.
        double[][] places = {{5.5012, 52.5013}, {5.5034, 52.5041}, {5.5057, 52.5069}, {5.5081, 52.5022},
            {5.5093, 52.5088}, {5.5034, 52.5041}, {5.5046, 52.5095}};
        for (int i = 0; i < places.length; i++) {
            Client phone = server.anonymous();
            var joined = phone.post("/api/meetings/join", Map.of("code", code, "displayName", "Gast " + i))
                    .expect(201).json();
            phone.useCsrfToken(joined.get("csrfToken").asText());
            phone.put("/api/meetings/" + id + "/questions/" + question + "/answer",
                    Map.of("geometry", point(places[i][0], places[i][1]))).expect(200);
        }
        Client moderator = server.signedIn("moderator@meeting-report.test", Role.MODERATOR);
        long last = moderator.get("/api/meetings/" + id + "/live").expect(200).json().get("question").get("pins")
                .get(places.length - 1).get("answerId").asLong();
        moderator.post("/api/answers/" + last + "/hide", Map.of("reason", "Geen plek")).expect(201);
        planner.post("/api/meetings/" + id + "/close", Map.of()).expect(200);

        JsonNode record = server.anonymous().get("/api/meetings/" + id + "/record").expect(200).json();
        JsonNode pinQuestion = record.get("questions").get(0);
        int visible = pinQuestion.get("pins").size();
        assertEquals(places.length - 1, visible, "the hidden pin is not in the record");
        assertTrue(pinQuestion.get("map").isObject(), "the map is drawn at the close and stored: " + pinQuestion);

        for (String language : List.of("en", "nl")) {
            String page = server.anonymous().get("/reports/meetings/" + id + "?lang=" + language).expect(200).body();
            String questions = page.substring(page.indexOf("id=\"questions-heading\""),
                    page.indexOf("id=\"meeting-comments-heading\""));
            assertEquals(1, count(questions, "<figure class=\"map\"><svg "), "one map of the pins in " + language);
            assertEquals(visible, count(questions, "class=\"pin-mark\""), "a mark for every visible pin");
            assertEquals(1, count(questions, ">×2</text>"), "two pins at one place say so");
            assertTrue(questions.contains("-title\">Waar is het te &lt;donker&gt;?</title>"), "the question titles the map");
            assertTrue(questions.contains(language.equals("en") ? "pins placed: 6" : "geplaatste punten: 6"), questions);
        }

        // A record closed before records held pin maps renders as before, without one.
        Jdbis.create(server.dataSource).useTransaction(h -> h.createUpdate("UPDATE meeting_records SET content = "
                + "jsonb_set(content, '{questions,0}', (content #> '{questions,0}') - 'map')"
                + " WHERE meeting_id = :meeting").bind("meeting", id).execute());
        String older = server.anonymous().get("/reports/meetings/" + id + "?lang=en").expect(200).body();
        String questions = older.substring(older.indexOf("id=\"questions-heading\""),
                older.indexOf("id=\"meeting-comments-heading\""));
        assertEquals(0, count(questions, "<svg "));
        assertTrue(questions.contains("Pins placed: 6"), questions);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void anOpenMeetingHasNoRecordPageAndBadRequestsAreProblems() {
        long id = planner.post("/api/projects/" + fixture.projectId + "/meetings", Map.of()).expect(201).json()
                .get("id").asLong();
        var open = server.anonymous().get("/reports/meetings/" + id).expect(404);
        assertEquals("application/problem+json", open.header("Content-Type").split(";")[0]);
        server.anonymous().get("/reports/meetings/" + id + "?lang=de").expect(400);
        server.anonymous().get("/reports/meetings/abc").expect(404);
        planner.post("/api/meetings/" + id + "/close", Map.of()).expect(200);
        server.anonymous().get("/reports/meetings/" + id + "?lang=en&page=2").expect(400);
    }
}
