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

    /**
     * A slide with a counted vote's layer and one with an open vote's: the record's maps draw the
     * counted vote's items with a place as funded or not under its rule (greedy, worked out by hand
     * below) and the open vote's as items only, each with its legend in English and Dutch. The
     * votes are in a project of their own, so that the other records' reports have no vote section.
     */
    @Test
    void theRecordDrawsAVoteLayerFundedOrNotOnceCountedAndItemsOnlyBefore() {
        Client admin = server.signedIn("vote-admin@meeting-report.test", Role.ADMIN);
        long project = admin.post("/api/projects", nl.plein.support.Fixtures.project("Brink",
                List.of("point", "line", "polygon"), false)).expect(201).json().get("id").asLong();
        var jdbi = Jdbis.create(server.dataSource);
        long counted = vote(jdbi, project, "Buurtbudget 2026", -48, -1);
        long cityPot = pot(jdbi, counted);
        long playground = item(jdbi, counted, cityPot, "Speeltuin", 60_000,
                "POLYGON((5.502 52.502, 5.503 52.502, 5.503 52.503, 5.502 52.503, 5.502 52.502))");
        long benches = item(jdbi, counted, cityPot, "Bankjes", 50_000, "POINT(5.505 52.507)");
        long trees = item(jdbi, counted, cityPot, "Bomen", 30_000, "LINESTRING(5.501 52.507, 5.506 52.508)");
        item(jdbi, counted, cityPot, "Watertappunt", 10_000, null);
        // Greedy over 100,000: the playground (3 votes) first, leaving 40,000; the benches (2) do
        // not fit, the trees (1) do; the tap has no vote, so greedy passes it over (and it has no
        // place to draw either).
        for (long[] ballot : new long[][] {{playground, benches}, {playground, benches}, {playground, trees}}) {
            ballot(jdbi, counted, ballot);
        }
        long open = vote(jdbi, project, "Buurtbudget 2027", -1, 72);
        long openPot = pot(jdbi, open);
        item(jdbi, open, openPot, "Fietsenstalling", 15_000, "POINT(5.507 52.503)");
        item(jdbi, open, openPot, "Bloemen", 40_000, "POINT(5.504 52.502)");

        long presentation = planner.post("/api/projects/" + project + "/presentations",
                Map.of("title", "Stemming")).expect(201).json().get("id").asLong();
        for (long vote : new long[] {counted, open}) {
            planner.post("/api/presentations/" + presentation + "/slides", Map.of("title", "Stemming " + vote,
                    "text", "", "view", Map.of("bbox", List.of(5.49, 52.49, 5.52, 52.52),
                            "layers", Map.of("vote", Map.of("voteId", vote))))).expect(201);
        }
        long id = planner.post("/api/projects/" + project + "/meetings", Map.of("presentationId", presentation))
                .expect(201).json().get("id").asLong();
        planner.post("/api/meetings/" + id + "/close", Map.of()).expect(200);

        for (String language : List.of("en", "nl")) {
            String page = server.anonymous().get("/reports/meetings/" + id + "?lang=" + language).expect(200).body();
            String slides = page.substring(page.indexOf("<h3>Slide 1") >= 0 ? page.indexOf("<h3>Slide 1")
                    : page.indexOf("<h3>Dia 1"));
            String first = slides.substring(0, slides.indexOf("</svg>"));
            String second = slides.substring(slides.indexOf("</svg>") + 6);
            second = second.substring(0, second.indexOf("</svg>"));
            assertEquals(2, count(first, "data-vote=\"funded\""), "the playground and the trees: " + first);
            assertEquals(1, count(first, "data-vote=\"unfunded\""), "the benches");
            assertEquals(0, count(first, "data-vote=\"item\""));
            String layer = first.substring(first.indexOf("<g class=\"layer-vote\">"));
            layer = layer.substring(0, layer.indexOf("</g>"));
            assertEquals(1, count(layer, "<circle "), "the benches, a point, are a marker");
            assertEquals(2, count(layer, "<path "), "the playground and the trees are shapes");
            assertEquals(2, count(second, "data-vote=\"item\""), "the open vote's two items");
            assertEquals(0, count(second, "data-vote=\"funded\"") + count(second, "data-vote=\"unfunded\""));
            if (language.equals("en")) {
                assertTrue(first.contains("plans in the budget vote: 3"), first);
                assertTrue(legend(first).contains("Funded (greedy: most votes first)"), legend(first));
                assertTrue(legend(first).contains("Not funded"));
                assertFalse(legend(first).contains("not yet counted"));
                assertTrue(legend(second).contains("Plan on the ballot (not yet counted)"), legend(second));
                assertFalse(legend(second).contains("Funded"));
            } else {
                assertTrue(first.contains("plannen in de stemming over het budget: 3"), first);
                assertTrue(legend(first).contains("Gefinancierd (meeste stemmen eerst)"), legend(first));
                assertTrue(legend(first).contains("Niet gefinancierd"));
                assertTrue(legend(second).contains("Plan op het stembiljet (nog niet geteld)"), legend(second));
            }
        }
        assertEquals(List.of(playground, trees), jdbi.withHandle(h -> h.createQuery("""
                SELECT item_id FROM vote_results WHERE pot_id = :pot AND rule = 'greedy' AND funded_order IS NOT NULL
                 ORDER BY funded_order""").bind("pot", cityPot).mapTo(Long.class).list()), "counted at the close");
    }

    /** The words of a drawing's legend, its wrapped lines joined by a space. */
    private static String legend(String svg) {
        String part = svg.substring(svg.indexOf("<g class=\"legend\">"));
        return part.replaceAll("</tspan><tspan[^>]*>", " ").replaceAll("<[^>]+>", "");
    }

    private static long vote(org.jdbi.v3.core.Jdbi jdbi, long project, String title, int opensInHours, int closesInHours) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO votes (project_id, title, ballot_type, rule, opens_at, closes_at)
                VALUES (:project, :title, 'approval', 'greedy', now() + make_interval(hours => :opens),
                        now() + make_interval(hours => :closes))
                RETURNING id""").bind("project", project).bind("title", title).bind("opens", opensInHours)
                .bind("closes", closesInHours).mapTo(Long.class).one());
    }

    private static long pot(org.jdbi.v3.core.Jdbi jdbi, long vote) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO vote_pots (vote_id, name, budget) VALUES (:vote, 'Hele stad', 100000) RETURNING id""")
                .bind("vote", vote).mapTo(Long.class).one());
    }

    private static long item(org.jdbi.v3.core.Jdbi jdbi, long vote, long pot, String title, long cost, String wkt) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO ballot_items (vote_id, pot_id, title, cost, reason, geom)
                VALUES (:vote, :pot, :title, :cost, 'Haalbaar.', ST_GeomFromText(:wkt, 4326)) RETURNING id""")
                .bind("vote", vote).bind("pot", pot).bind("title", title).bind("cost", cost)
                .bindByType("wkt", wkt, String.class).mapTo(Long.class).one());
    }

    private static void ballot(org.jdbi.v3.core.Jdbi jdbi, long vote, long... items) {
        jdbi.useTransaction(h -> {
            long ballot = h.createQuery("""
                    INSERT INTO ballots (vote_id, channel, receipt)
                    VALUES (:vote, 'paper', md5(random()::text || clock_timestamp()::text)) RETURNING id""")
                    .bind("vote", vote).mapTo(Long.class).one();
            for (long item : items) {
                h.createUpdate("INSERT INTO ballot_choices (ballot_id, item_id) VALUES (:ballot, :item)")
                        .bind("ballot", ballot).bind("item", item).execute();
            }
        });
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
