package nl.plein.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import nl.plein.accounts.Passwords;
import nl.plein.areas.AreaAssignment;
import nl.plein.db.Jdbis;
import nl.plein.gisdata.demo.DemoData;
import nl.plein.presentations.MapView;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo town, loaded as Main loads it, seen through the API as a newcomer would see it. */
class DemoContentTest {
    static TestServer server;
    static Jdbi jdbi;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        jdbi = Jdbis.create(server.dataSource);
        assertTrue(DemoData.loadIfEmpty(server.dataSource, Passwords::hash, AreaAssignment::assignAll));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void theMapIsNotEmpty() {
        var client = server.anonymous();
        var areas = client.get("/api/areas").expect(200).json().get("features");
        assertTrue(areas.size() >= 20 && areas.size() <= 40, "20–40 neighbourhoods, got " + areas.size());
        long withPopulation = 0;
        for (JsonNode area : areas) {
            withPopulation += area.get("properties").get("population").isNull() ? 0 : 1;
        }
        assertTrue(withPopulation >= areas.size() - 5);

        var projects = client.get("/api/projects").expect(200).json().get("features");
        Set<String> stages = new HashSet<>();
        projects.forEach(p -> stages.add(p.get("properties").get("stage").asText()));
        assertTrue(stages.size() >= 3, "projects in different stages: " + stages);

        Set<String> kinds = new HashSet<>();
        int count = 0;
        String next = "/api/proposals?limit=1000";
        while (next != null) {
            JsonNode page = client.get(next).expect(200).json();
            for (JsonNode f : page.get("features")) {
                kinds.add(f.get("geometry").get("type").asText().replace("Multi", ""));
                count++;
            }
            next = null;
            for (JsonNode link : page.get("links")) {
                if (link.get("rel").asText().equals("next")) {
                    next = link.get("href").asText().substring(server.baseUrl.length());
                }
            }
        }
        assertTrue(count >= 200, "a few hundred public proposals, got " + count);
        assertEquals(Set.of("Point", "LineString", "Polygon"), kinds);
    }

    @Test
    void everyDemoProjectOffersNamedPlacesAndNeighbourhoodsToPickWithoutTheMap() {
        var client = server.anonymous();
        for (JsonNode project : client.get("/api/projects").expect(200).json().get("features")) {
            var choices = client.get("/api/projects/" + project.get("id").asLong() + "/places").expect(200).json()
                    .get("features");
            int places = 0;
            int areas = 0;
            for (JsonNode choice : choices) {
                boolean place = choice.get("properties").get("kind").asText().equals("place");
                places += place ? 1 : 0;
                areas += place ? 0 : 1;
            }
            String title = project.get("properties").get("title").asText();
            assertTrue(places >= 3 && places <= 5, title + ": " + places + " places");
            assertTrue(areas >= 1, title + " lies in at least one neighbourhood");
        }
    }

    @Test
    void everyDemoProjectHasAPresentationWhoseSlidesAMeetingRecordDraws() {
        var planner = new Client(server.baseUrl);
        planner.signIn("planner@demo.plein.test", DemoData.DEMO_PASSWORD);
        var projects = server.anonymous().get("/api/projects").expect(200).json().get("features");
        int chosen = 0;
        for (JsonNode project : projects) {
            long projectId = project.get("id").asLong();
            var list = server.anonymous().get("/api/projects/" + projectId + "/presentations").expect(200).json()
                    .get("presentations");
            assertEquals(1, list.size(), "one presentation on project " + projectId);
            long presentationId = list.get(0).get("id").asLong();
            var slides = server.anonymous().get("/api/presentations/" + presentationId).expect(200).json().get("slides");
            assertTrue(slides.size() >= 3, "slides: " + slides.size());
            for (JsonNode slide : slides) {
                // A stored view reads back as the API would accept it.
                MapView.parse(slide.get("view"), "view");
                chosen += slide.get("view").get("layers").has("chosen") ? 1 : 0;
            }
            // A meeting that showed it leaves a record with each slide's map drawn by the server.
            long meetingId = planner.post("/api/projects/" + projectId + "/meetings",
                    Map.of("presentationId", presentationId)).expect(201).json().get("id").asLong();
            var record = planner.post("/api/meetings/" + meetingId + "/close", Map.of()).expect(200).json();
            for (JsonNode slide : record.get("presentation").get("slides")) {
                assertTrue(slide.get("map").get("body").asText().contains("<"), "slide " + slide.get("title") + " has a map");
            }
            assertEquals(project.get("properties").get("title").asText(), record.get("report").get("title").asText());
        }
        assertTrue(chosen >= 1, "some project shows chosen proposals");
    }

    @Test
    void theDemoAccountsCanSignInWithTheDocumentedPassword() {
        var planner = new Client(server.baseUrl);
        planner.signIn("planner@demo.plein.test", DemoData.DEMO_PASSWORD);
        assertEquals("planner", planner.get("/api/session").json().get("account").get("role").asText());
        var resident = new Client(server.baseUrl);
        resident.signIn("anna.devries@demo.plein.test", DemoData.DEMO_PASSWORD);
    }

    @Test
    void variantsCommentsAndSupportsAreThere() {
        long counted = count("SELECT (SELECT count(*) FROM variants) * "
                + "(SELECT count(*) FROM comments) * (SELECT count(*) FROM supports)");
        assertTrue(counted > 0);
        String dutch = server.anonymous().get("/api/projects").body();
        assertTrue(dutch.contains("Marktplein"), "Dutch and English content");
    }

    /**
     * The participation page is the demo's case for Plein: with only a handful of people per buurt
     * it would show "<5" everywhere. The public form of the main project's participation, per buurt
     * of the demo's boundary set, shows rounded counts in several buurten, "<5" in some, and a
     * populated buurt where nobody took part.
     */
    @Test
    void theMarketSquaresPublicParticipationShowsCountsSmallCountsAndAMissingBuurt() {
        long projectId = server.projectId("Herinrichting Marktplein");
        JsonNode areas = server.anonymous().get("/api/projects/" + projectId + "/participation").expect(200).json()
                .get("areas");
        int rounded = 0;
        int small = 0;
        int missing = 0;
        for (JsonNode area : areas) {
            String shown = area.get("participants").asText();
            rounded += shown.matches("[1-9][0-9]*") ? 1 : 0;
            small += shown.equals("<5") ? 1 : 0;
            missing += shown.equals("0") && area.get("populationKnown").asBoolean() ? 1 : 0;
            if (shown.matches("[0-9]+")) {
                assertEquals(0, Integer.parseInt(shown) % 5, area.get("name") + " is rounded to 5: " + shown);
            }
        }
        assertTrue(rounded >= 8, "buurten with a rounded count: " + rounded + " in " + areas);
        assertTrue(small >= 1, "buurten with <5: " + small + " in " + areas);
        assertTrue(missing >= 1, "populated buurten where nobody took part: " + missing + " in " + areas);
    }

    /** One buurt on the edge of town is missing from every project, not only from one. */
    @Test
    void oneBuurtWithPeopleIsMissingFromEveryProject() {
        Set<String> missingEverywhere = null;
        for (JsonNode project : server.anonymous().get("/api/projects").expect(200).json().get("features")) {
            Set<String> missing = new HashSet<>();
            for (JsonNode area : server.anonymous().get("/api/projects/" + project.get("id").asLong()
                    + "/participation").expect(200).json().get("areas")) {
                if (area.get("participants").asText().equals("0") && area.get("population").asLong() > 0) {
                    missing.add(area.get("code").asText());
                }
            }
            if (missingEverywhere == null) {
                missingEverywhere = missing;
            } else {
                missingEverywhere.retainAll(missing);
            }
        }
        assertTrue(missingEverywhere != null && !missingEverywhere.isEmpty(), "a buurt missing everywhere");
    }

    /** The demo writes rows as the API does, so what the triggers keep agrees with the rows themselves. */
    @Test
    void keptCountsAgreeWithTheRows() {
        long wrongSupportCounts = count("""
                SELECT count(*) FROM proposals p
                 WHERE p.support_count <> (SELECT count(*) FROM supports s WHERE s.proposal_id = p.id)""");
        assertEquals(0, wrongSupportCounts, "proposals whose support_count is not their number of supports");
        long wrongPeople = count("""
                WITH contribution AS (
                    SELECT project_id, author_id AS account_id FROM proposals
                    UNION SELECT project_id, author_id FROM variants
                    UNION SELECT project_id, author_id FROM comments
                    UNION SELECT project_id, account_id FROM supports)
                SELECT count(*) FROM (
                    (SELECT project_id, account_id FROM contribution
                     EXCEPT SELECT project_id, account_id FROM activity_people)
                    UNION ALL
                    (SELECT project_id, account_id FROM activity_people
                     EXCEPT SELECT project_id, account_id FROM contribution)) differ""");
        assertEquals(0, wrongPeople, "participants kept per project differ from those who contributed");
        long wrongWeeks = count("""
                SELECT count(*) FROM projects p
                 WHERE (SELECT coalesce(sum(supports), 0) FROM activity_weeks w WHERE w.project_id = p.id)
                       <> (SELECT count(*) FROM supports s WHERE s.project_id = p.id)
                    OR (SELECT coalesce(sum(comments), 0) FROM activity_weeks w WHERE w.project_id = p.id)
                       <> (SELECT count(*) FROM comments s WHERE s.project_id = p.id)""");
        assertEquals(0, wrongWeeks, "projects whose weekly supports or comments differ from the rows");
        long residentsWithHome = count(
                "SELECT count(*) FILTER (WHERE home_area_id IS NOT NULL) FROM accounts WHERE role = 'resident'");
        assertTrue(residentsWithHome >= 300, "residents who say which buurt they live in: " + residentsWithHome);
    }

    @Test
    void loadingAgainAddsNothing() throws Exception {
        long before = count("SELECT count(*) FROM proposals");
        assertFalse(DemoData.loadIfEmpty(server.dataSource, Passwords::hash, AreaAssignment::assignAll));
        assertEquals(before, count("SELECT count(*) FROM proposals"));
    }
}
