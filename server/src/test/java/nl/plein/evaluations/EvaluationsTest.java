package nl.plein.evaluations;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.OUTSIDE_POINT;
import static nl.plein.support.Fixtures.line;
import static nl.plein.support.Fixtures.point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import nl.plein.support.Together;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evaluating finished works over real HTTP on PostGIS: who may, what is checked, one per person
 * however many write at once, and what the public and planners see of the figures.
 */
class EvaluationsTest {
    static TestServer server;
    static Client admin;
    static Client planner;
    static Client moderator;
    static EvaluationFixtures town;
    static int people;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.signedIn("admin@eval.test", Role.ADMIN);
        planner = server.signedIn("planner@eval.test", Role.PLANNER);
        moderator = server.signedIn("moderator@eval.test", Role.MODERATOR);
        town = new EvaluationFixtures(server, admin, "Evaluaties");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Client resident() {
        return server.signedIn("r" + (++people) + "@eval.test", Role.RESIDENT);
    }

    static Map<String, Object> evaluation(int rating, Object pin, Boolean used) {
        var body = new LinkedHashMap<String, Object>();
        body.put("rating", rating);
        body.put("worksWell", "De bankjes worden gebruikt");
        body.put("notWorking", "Te weinig schaduw");
        if (pin != null) {
            body.put("pin", pin);
        }
        if (used != null) {
            body.put("pinUsed", used);
        }
        return body;
    }

    private static String field(Client.Response response) {
        return response.json().get("errors").get(0).get("field").asText();
    }

    @Test
    void aWorkThatIsNotDoneCannotBeEvaluatedAndAMissingOneIsNotFound() {
        long building = town.work("Nog in aanbouw", "construction");
        var r = resident();
        assertEquals("work", field(r.put("/api/works/" + building + "/evaluation", evaluation(4, null, null)).expect(409)));
        r.put("/api/works/999999/evaluation", evaluation(4, null, null)).expect(404);
        server.anonymous().put("/api/works/" + building + "/evaluation", evaluation(4, null, null)).expect(401);
        r.get("/api/works/" + building + "/evaluation").expect(204);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        long work = town.doneWork("Plein met bankjes");
        var r = resident();
        String path = "/api/works/" + work + "/evaluation";
        assertEquals("rating", field(r.put(path, evaluation(6, null, null)).expect(400)));
        assertEquals("rating", field(r.put(path, Map.of("worksWell", "Mooi")).expect(400)));
        assertEquals("pinUsed", field(r.put(path, evaluation(4, INSIDE_POINT, null)).expect(400)));
        assertEquals("pin", field(r.put(path, evaluation(4, null, true)).expect(400)));
        assertEquals("pin", field(r.put(path, evaluation(4, OUTSIDE_POINT, true)).expect(422)));
        assertEquals("pin", field(r.put(path, evaluation(4, line(5.501, 52.501, 5.502, 52.502), true)).expect(400)));
        var tooLong = evaluation(4, null, null);
        tooLong.put("worksWell", "x".repeat(EvaluationRoutes.MAX_TEXT + 1));
        assertEquals("worksWell", field(r.put(path, tooLong).expect(400)));
        var unknown = evaluation(4, null, null);
        unknown.put("stars", 4);
        assertEquals("stars", field(r.put(path, unknown).expect(400)));
        r.get(path).expect(204);

        var own = r.put(path, evaluation(4, point(5.506, 52.506), false)).expect(200).json();
        assertEquals(4, own.get("rating").asInt());
        assertFalse(own.get("pinUsed").asBoolean());
        assertEquals("Point", own.get("pin").get("type").asText());
        var changed = r.put(path, evaluation(2, null, null)).expect(200).json();
        assertEquals(own.get("id").asLong(), changed.get("id").asLong(), "changing it replaces it in place");
        assertTrue(changed.get("pin").isNull());
        assertEquals(2, r.get(path).expect(200).json().get("rating").asInt());
        r.delete(path).expect(204);
        r.get(path).expect(204);
    }

    @Test
    void theMeanAndThePinsArePublicFromFiveEvaluationsOnAndPlannersSeeRawCounts() {
        long work = town.doneWork("Speeltuin");
        String figures = "/api/works/" + work + "/evaluations";
        int[] ratings = {5, 4, 4, 2, 3};
        var pins = List.of(point(5.501, 52.501), point(5.502, 52.502), point(5.503, 52.503), point(5.504, 52.504),
                point(5.505, 52.505));
        for (int i = 0; i < 4; i++) {
            resident().put("/api/works/" + work + "/evaluation", evaluation(ratings[i], pins.get(i), i % 2 == 0))
                    .expect(200);
        }
        var four = server.anonymous().get(figures).expect(200).json();
        assertEquals("<5", four.get("evaluations").asText());
        assertTrue(four.get("meanRating").isNull());
        assertTrue(four.get("meanWithheld").asText().contains("fewer than 5"));
        assertEquals(0, four.get("pins").get("features").size(), "no pins under 5 evaluations");
        assertEquals("<5", four.get("ratings").get("4").asText());
        assertEquals("0", four.get("ratings").get("1").asText());
        var rawFour = planner.get(figures).expect(200).json();
        assertEquals(4, rawFour.get("evaluations").asInt());
        assertEquals(2, rawFour.get("ratings").get("4").asInt());
        assertEquals(4, rawFour.get("pins").get("features").size());
        assertEquals(mean(ratings, 4), rawFour.get("meanRating").asDouble(), 1e-9);

        resident().put("/api/works/" + work + "/evaluation", evaluation(ratings[4], pins.get(4), true)).expect(200);
        var five = server.anonymous().get(figures).expect(200).json();
        assertEquals("5", five.get("evaluations").asText());
        assertEquals(mean(ratings, 5), five.get("meanRating").asDouble(), 1e-9);
        assertTrue(five.get("meanWithheld").isNull());
        assertEquals(5, five.get("pins").get("features").size());
        assertTrue(five.get("method").asText().contains("<5"));
        assertEquals(5, five.get("texts").size(), "every text shown, with its author");
        for (JsonNode text : five.get("texts")) {
            assertFalse(text.has("rating"), "a rating next to a name would undo the small-count rule");
            assertTrue(text.get("author").get("displayName").asText().startsWith("r"));
        }

        var project = server.anonymous().get("/api/projects/" + town.projectId + "/evaluations").expect(200).json();
        JsonNode mine = null;
        for (JsonNode w : project.get("works")) {
            mine = w.get("workId").asLong() == work ? w : mine;
        }
        assertEquals("5", mine.get("evaluations").asText());
        assertTrue(mine.get("pinsShown").asBoolean());
        long projectPins = 0;
        for (JsonNode pin : project.get("pins").get("features")) {
            projectPins += pin.get("properties").get("workId").asLong() == work ? 1 : 0;
        }
        assertEquals(5, projectPins);
    }

    private static double mean(int[] ratings, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += ratings[i];
        }
        return Math.round(sum / n * 100) / 100.0;
    }

    @Test
    void aPersonHasOneEvaluationOfAWorkHoweverManyTheyWriteAtOnce() throws Exception {
        long work = town.doneWork("Fietspad");
        var clients = List.of(resident(), resident(), resident());
        var tasks = new ArrayList<Callable<Integer>>();
        for (Client c : clients) {
            for (int rating = 1; rating <= 5; rating++) {
                int r = rating;
                tasks.add(() -> c.put("/api/works/" + work + "/evaluation", evaluation(r, INSIDE_POINT, r % 2 == 0))
                        .status());
            }
        }
        Together.run(tasks).forEach(status -> assertEquals(200, status));
        long rows = town.jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM evaluations WHERE work_id = :work")
                .bind("work", work).mapTo(Long.class).one());
        assertEquals(3, rows);
        assertEquals(3, planner.get("/api/works/" + work + "/evaluations").expect(200).json().get("evaluations").asInt());
    }

    @Test
    void hiddenEvaluationsDoNotCountAndTheirTextIsNotShown() {
        long work = town.doneWork("Bomenrij");
        var ids = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            ids.add(resident().put("/api/works/" + work + "/evaluation", evaluation(5, INSIDE_POINT, true)).expect(200)
                    .json().get("id").asLong());
        }
        String figures = "/api/works/" + work + "/evaluations";
        assertEquals("5", server.anonymous().get(figures).json().get("evaluations").asText());
        moderator.post("/api/evaluations/" + ids.get(0) + "/hide", Map.of("reason", "Scheldwoorden")).expect(201);
        var hidden = server.anonymous().get(figures).expect(200).json();
        assertEquals("<5", hidden.get("evaluations").asText());
        assertTrue(hidden.get("meanRating").isNull());
        assertEquals(0, hidden.get("pins").get("features").size());
        assertEquals(4, hidden.get("texts").size());
        assertEquals(4, planner.get(figures).json().get("evaluations").asInt());
        var staff = moderator.get(figures).json().get("texts");
        assertEquals(5, staff.size(), "moderators see the hidden one, to restore it");
        moderator.post("/api/evaluations/" + ids.get(0) + "/hide", Map.of("reason", "Twice")).expect(409);
        moderator.post("/api/evaluations/" + ids.get(0) + "/restore", Map.of("reason", "Na bezwaar")).expect(201);
        assertEquals("5", server.anonymous().get(figures).json().get("evaluations").asText());
        resident().post("/api/evaluations/" + ids.get(1) + "/hide", Map.of("reason", "Mag niet")).expect(403);
    }

    @Test
    void evaluatorsTakePartInTheProjectAndTheRecountAgrees() {
        long work = town.doneWork("Waterplein");
        var r = resident();
        long account = r.get("/api/session").json().get("account").get("id").asLong();
        String people = "SELECT count(*) FROM activity_people WHERE project_id = :project AND account_id = :account";
        r.put("/api/works/" + work + "/evaluation", evaluation(3, null, null)).expect(200);
        r.put("/api/works/" + work + "/evaluation", evaluation(4, null, null)).expect(200);
        assertEquals(1L, count(people, account));
        assertEquals(1L, count("SELECT coalesce(sum(contributions), 0) FROM activity_person_weeks"
                + " WHERE project_id = :project AND account_id = :account", account), "changed in place: counted once");
        var kept = snapshot();
        town.jdbi.useHandle(h -> h.createQuery("SELECT activity_recount()").mapTo(String.class).one());
        assertEquals(kept, snapshot(), "the kept counts equal a recount");
        r.delete("/api/works/" + work + "/evaluation").expect(204);
        assertEquals(0L, count(people, account), "a withdrawn evaluation no longer counts");
    }

    @Test
    void theParticipationViewCountsAnEvaluatorInTheirHomeAreaForTheWholeProjectAndForADateRange() {
        long setId = admin.post("/api/area-sets?name=Buurten&year=2024&dryRun=false", Map.of("type", "FeatureCollection",
                "features", List.of(nl.plein.support.Fixtures.feature(nl.plein.support.Fixtures.polygon(
                        5.50, 52.50, 5.51, 52.50, 5.51, 52.51, 5.50, 52.51, 5.50, 52.50),
                        Map.of("buurtcode", "BU01", "buurtnaam", "Centrum", "aantal_inwoners", 1000, "wijkcode", "WK01")))))
                .expect(201).json().get("id").asLong();
        long areaId = server.anonymous().get("/api/areas?set=" + setId).expect(200).json().get("features").get(0)
                .get("id").asLong();
        long work = town.doneWork("Buurthuis");
        var today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
        String whole = "/api/projects/" + town.projectId + "/participation?set=" + setId;
        String range = whole + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        long beforeWhole = participants(whole);
        long beforeRange = participants(range);
        var r = resident();
        r.patch("/api/accounts/me", Map.of("homeAreaId", areaId)).expect(200);
        r.put("/api/works/" + work + "/evaluation", evaluation(5, null, null)).expect(200);
        assertEquals(beforeWhole + 1, participants(whole), "kept counts (V21 trigger)");
        assertEquals(beforeRange + 1, participants(range), "recounted for a date range");
    }

    private static long participants(String path) {
        return planner.get(path).expect(200).json().get("areas").get(0).get("participants").asLong();
    }

    private static long count(String sql, long account) {
        return town.jdbi.withHandle(h -> h.createQuery(sql).bind("project", town.projectId).bind("account", account)
                .mapTo(Long.class).one());
    }

    private static Map<String, Object> snapshot() {
        var out = new HashMap<String, Object>();
        town.jdbi.useHandle(h -> {
            out.put("people", h.createQuery("SELECT account_id, first_week FROM activity_people WHERE project_id = :p"
                    + " ORDER BY 1").bind("p", town.projectId).mapToMap().list());
            out.put("weeks", h.createQuery("SELECT * FROM activity_person_weeks WHERE project_id = :p ORDER BY 2, 3")
                    .bind("p", town.projectId).mapToMap().list());
        });
        return out;
    }
}
