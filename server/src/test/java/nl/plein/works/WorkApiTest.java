package nl.plein.works;

import static nl.plein.support.Fixtures.CYCLE_ROUTE;
import static nl.plein.support.Fixtures.OUTSIDE_POINT;
import static nl.plein.support.Fixtures.PLAYGROUND;
import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.plein.accounts.Role;
import nl.plein.budgets.results.ResultsFixtures;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import nl.plein.support.Together;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Works over real HTTP on a real PostGIS: made only from accepted proposals and funded ballot
 * items of the project, refused by field and without writing anything otherwise, their status
 * following the newest step, their figures counted as the shared definitions say, and hidden
 * notes kept from the public.
 */
class WorkApiTest {
    static TestServer server;
    static Jdbi jdbi;
    static Client planner;
    static Client moderator;
    static Client resident;
    static Client anyone;
    static long projectId;
    static long otherProjectId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        jdbi = Jdbis.create(server.dataSource);
        Client admin = server.signedIn("admin@works.test", Role.ADMIN);
        planner = server.signedIn("planner@works.test", Role.PLANNER);
        moderator = server.signedIn("moderator@works.test", Role.MODERATOR);
        resident = server.signedIn("resident@works.test", Role.RESIDENT);
        anyone = server.anonymous();
        projectId = admin.post("/api/projects", project("Uitvoering", List.of("point", "line", "polygon"), false))
                .expect(201).json().get("id").asLong();
        otherProjectId = admin.post("/api/projects", project("Elders", List.of("point"), false)).expect(201).json()
                .get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static long proposalIn(long project, Object geometry, String title) {
        return resident.post("/api/projects/" + project + "/proposals", proposal(geometry, title)).expect(201).json()
                .get("id").asLong();
    }

    static long accepted(long project, Object geometry, String title) {
        long id = proposalIn(project, geometry, title);
        for (String status : List.of("under_consideration", "accepted")) {
            planner.post("/api/proposals/" + id + "/decisions", Map.of("status", status, "reason", "Goed plan"))
                    .expect(201);
        }
        return id;
    }

    static Map<String, Object> work(String source, long id, String start, String end, Long budget) {
        var body = new LinkedHashMap<String, Object>();
        body.put(source, id);
        body.put("team", "Team Openbare Ruimte");
        body.put("plannedStart", start);
        body.put("plannedEnd", end);
        if (budget != null) {
            body.put("budget", budget);
        }
        return body;
    }

    static Client.Response create(Client client, long project, Map<String, Object> body) {
        return client.post("/api/projects/" + project + "/works", body);
    }

    static long works() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM works").mapTo(Long.class).one());
    }

    static JsonNode step(long workId, String step, String onDate, String note) {
        return planner.post("/api/works/" + workId + "/steps", Map.of("step", step, "onDate", onDate, "note", note))
                .expect(201).json();
    }

    static String field(Client.Response response) {
        return response.json().get("errors").get(0).get("field").asText();
    }

    @Test
    void aPlannerMakesAWorkOfAnAcceptedProposalThatEveryoneThenReads() {
        long proposalId = accepted(projectId, PLAYGROUND, "Speeltuin aan de Dorpsstraat");
        JsonNode made = create(planner, projectId, work("proposalId", proposalId, "2027-03-01", "2027-09-30", 45000L))
                .expect(201).json();
        long id = made.get("id").asLong();
        assertEquals("Speeltuin aan de Dorpsstraat", made.get("title").asText(), "the proposal's title by default");
        assertEquals("Because it helps", made.get("description").asText());
        assertEquals("planned", made.get("status").asText());
        assertEquals(45000, made.get("budget").asLong());
        assertEquals(0, made.get("spent").asLong());
        assertEquals(proposalId, made.get("proposalIds").get(0).asLong());
        assertTrue(made.get("itemId").isNull());
        assertTrue(made.get("asBuilt").isNull(), "built as proposed until a planner says otherwise");
        assertEquals("Polygon", made.get("proposedGeometry").get("type").asText());
        assertEquals(5.502, made.get("proposedGeometry").get("coordinates").get(0).get(0).get(0).asDouble(), 1e-9);
        assertEquals(0, made.get("steps").size());

        JsonNode listed = null;
        for (JsonNode w : anyone.get("/api/projects/" + projectId + "/works").expect(200).json().get("works")) {
            listed = w.get("id").asLong() == id ? w : listed;
        }
        assertEquals("Team Openbare Ruimte", listed.get("team").asText());
        assertEquals("2027-03-01", listed.get("plannedStart").asText());
        assertEquals("2027-09-30", listed.get("plannedEnd").asText());
        assertEquals(made.get("proposedGeometry"), listed.get("proposedGeometry"));
        assertEquals(made.get("title"), anyone.get("/api/works/" + id).expect(200).json().get("title"));
    }

    @Test
    void whatIsNotAcceptedOrOfAnotherProjectOrMadeAlreadyOrMistypedIsRefusedByNameAndNothingIsWritten() {
        long open = proposalIn(projectId, point(5.503, 52.503), "Nog niet besloten");
        long elsewhere = accepted(otherProjectId, point(5.503, 52.503), "Elders besloten");
        long good = accepted(projectId, point(5.504, 52.504), "Besloten");
        long before = works();

        var notAccepted = create(planner, projectId, work("proposalId", open, "2027-01-01", "2027-02-01", 100L));
        assertEquals(409, notAccepted.status(), notAccepted.body());
        assertEquals("proposalId", field(notAccepted));
        var other = create(planner, projectId, work("proposalId", elsewhere, "2027-01-01", "2027-02-01", 100L));
        assertEquals(400, other.status(), other.body());
        assertEquals("proposalId", field(other));
        var reversed = create(planner, projectId, work("proposalId", good, "2027-02-01", "2027-01-31", 100L));
        assertEquals(400, reversed.status());
        assertEquals("plannedEnd", field(reversed));
        var negative = create(planner, projectId, work("proposalId", good, "2027-01-01", "2027-02-01", -5L));
        assertEquals(400, negative.status());
        assertEquals("budget", field(negative));
        var noBudget = create(planner, projectId, work("proposalId", good, "2027-01-01", "2027-02-01", null));
        assertEquals(400, noBudget.status());
        assertEquals("budget", field(noBudget));
        var unknown = work("proposalId", good, "2027-01-01", "2027-02-01", 100L);
        unknown.put("colour", "red");
        assertEquals("colour", field(create(planner, projectId, unknown).expect(400)));
        var badDate = create(planner, projectId, work("proposalId", good, "1 januari", "2027-02-01", 100L));
        assertEquals("plannedStart", field(badDate.expect(400)));
        var both = work("proposalId", good, "2027-01-01", "2027-02-01", 100L);
        both.put("itemId", 1);
        assertEquals("itemId", field(create(planner, projectId, both).expect(400)));
        create(resident, projectId, work("proposalId", good, "2027-01-01", "2027-02-01", 100L)).expect(403);
        create(planner, 999_999, work("proposalId", good, "2027-01-01", "2027-02-01", 100L)).expect(404);
        assertEquals(before, works(), "nothing written by a refusal");

        create(planner, projectId, work("proposalId", good, "2027-01-01", "2027-02-01", 100L)).expect(201);
        var again = create(planner, projectId, work("proposalId", good, "2027-01-01", "2027-02-01", 100L));
        assertEquals(409, again.status());
        assertEquals("proposalId", field(again));
        assertEquals(before + 1, works());
    }

    @Test
    void planersMakingAWorkOfTheSameProposalAtOnceMakeOne() throws Exception {
        long id = accepted(projectId, point(5.506, 52.506), "Tegelijk");
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 4; i++) {
            tasks.add(() -> create(planner, projectId, work("proposalId", id, "2027-01-01", "2027-02-01", 10L)).status());
        }
        var statuses = Together.run(tasks);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }

    @Test
    void aFundedBallotItemBecomesAWorkAtItsCostAndAnUnfundedOneDoesNot() {
        var f = new ResultsFixtures(ResultsFixtures.jdbi(server.dataSource), projectId).areaSet("Werkwijken")
                .vote("greedy", false).ballots();
        Map<String, Long> items = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT title, id FROM ballot_items WHERE vote_id = :vote")
                .bind("vote", f.voteId).map((rs, ctx) -> items.put(rs.getString(1), rs.getLong(2))).list());
        var early = create(planner, projectId, work("itemId", items.get("A"), "2027-01-01", "2027-06-30", null));
        assertEquals(409, early.status(), "not counted yet: " + early.body());
        assertEquals("itemId", field(early));
        planner.post("/api/votes/" + f.voteId + "/close", Map.of()).expect(200);

        // Greedy (the vote's rule) funds A, A2 and D; Equal Shares would fund M instead of A2.
        var unfunded = create(planner, projectId, work("itemId", items.get("M"), "2027-01-01", "2027-06-30", null));
        assertEquals(409, unfunded.status(), unfunded.body());
        assertEquals("itemId", field(unfunded));
        var otherCost = create(planner, projectId, work("itemId", items.get("A"), "2027-01-01", "2027-06-30", 49L));
        assertEquals("budget", field(otherCost.expect(400)));
        var otherProject = create(planner, otherProjectId, work("itemId", items.get("A"), "2027-01-01", "2027-06-30",
                null));
        assertEquals("itemId", field(otherProject.expect(400)));

        JsonNode made = create(planner, projectId, work("itemId", items.get("A"), "2027-01-01", "2027-06-30", 50L))
                .expect(201).json();
        assertEquals(50, made.get("budget").asLong(), "the item's cost");
        assertEquals("A", made.get("title").asText());
        assertEquals(f.voteId, made.get("voteId").asLong());
        assertEquals("Buurtbudget", made.get("voteTitle").asText());
        assertEquals("Point", made.get("proposedGeometry").get("type").asText(), "the item's geometry");
        JsonNode noPlace = create(planner, projectId, work("itemId", items.get("D"), "2027-01-01", "2027-06-30", null))
                .expect(201).json();
        assertTrue(noPlace.get("proposedGeometry").isNull(), "an item about no particular place");
        var again = create(planner, projectId, work("itemId", items.get("A"), "2027-01-01", "2027-06-30", null));
        assertEquals(409, again.status());
        assertEquals("itemId", field(again));
    }

    @Test
    void theStatusFollowsTheNewestStepByDateAndDoneSetsTheFinishingDate() {
        long proposalId = accepted(projectId, CYCLE_ROUTE, "Fietspad");
        long id = create(planner, projectId, work("proposalId", proposalId, "2026-01-01", "2026-06-30", 80000L))
                .expect(201).json().get("id").asLong();
        assertEquals("design", step(id, "design", "2026-01-10", "Ontwerp gestart").get("status").asText());
        assertEquals("construction", step(id, "construction", "2026-03-01", "Schop in de grond").get("status")
                .asText());
        JsonNode late = step(id, "tender", "2026-02-01", "Aanbesteding, later ingevoerd");
        assertEquals("construction", late.get("status").asText(), "an older step does not move the status back");
        JsonNode update = step(id, "update", "2026-04-01", "Stoep ligt er");
        assertEquals("construction", update.get("status").asText(), "an update is a note, not a status");
        List<String> order = new ArrayList<>();
        update.get("steps").forEach(s -> order.add(s.get("step").asText()));
        assertEquals(List.of("design", "tender", "construction", "update"), order, "by date");
        assertTrue(update.get("delayed").asBoolean(), "not done and today is after 2026-06-30");

        JsonNode done = step(id, "done", "2026-07-15", "Opgeleverd");
        assertEquals("done", done.get("status").asText());
        assertEquals("2026-07-15", done.get("finishedOn").asText());
        assertTrue(done.get("delayed").asBoolean(), "done after the planned end");
        assertFalse(done.get("onTime").asBoolean());
        JsonNode realised = anyone.get("/api/proposals/" + proposalId).expect(200).json();
        assertEquals("realised", realised.get("properties").get("status").asText(), "built, so realised");
        List<String> reasons = jdbi.withHandle(h -> h.createQuery("SELECT to_status || ': ' || reason"
                + " FROM proposal_decisions WHERE proposal_id = :p ORDER BY id").bind("p", proposalId)
                .mapTo(String.class).list());
        assertEquals("realised: Opgeleverd", reasons.get(reasons.size() - 1), "the step's note is the reason");
        step(id, "update", "2026-07-20", "Bankjes erbij");
        int decisions = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM proposal_decisions"
                + " WHERE proposal_id = :p").bind("p", proposalId).mapTo(Integer.class).one());
        assertEquals(reasons.size(), decisions, "realised once");

        var wrong = planner.post("/api/works/" + id + "/steps", Map.of("step", "opened", "onDate", "2026-07-16",
                "note", "x"));
        assertEquals("step", field(wrong.expect(400)));
        resident.post("/api/works/" + id + "/steps", Map.of("step", "update", "onDate", "2026-07-16", "note", "x"))
                .expect(403);
        planner.post("/api/works/999999/steps", Map.of("step", "update", "onDate", "2026-07-16", "note", "x"))
                .expect(404);
    }

    @Test
    void figuresCountTheProjectsWorksByTheSharedDefinitions() {
        long project = server.signedIn("admin2@works.test", Role.ADMIN).post("/api/projects",
                project("Tellen", List.of("point"), false)).expect(201).json().get("id").asLong();
        LocalDate today = LocalDate.now(server.config.timeZone());
        String past = today.minusDays(30).toString();
        String yesterday = today.minusDays(1).toString();
        String future = today.plusDays(60).toString();
        long onTime = create(planner, project, work("proposalId", accepted(project, point(5.501, 52.501), "Op tijd"),
                past, yesterday, 1000L)).expect(201).json().get("id").asLong();
        step(onTime, "done", yesterday, "Klaar op de laatste dag");
        long late = create(planner, project, work("proposalId", accepted(project, point(5.502, 52.502), "Te laat"),
                past, yesterday, 2000L)).expect(201).json().get("id").asLong();
        step(late, "construction", past, "Bezig");
        planner.patch("/api/works/" + late, Map.of("spent", 2500)).expect(200);
        long planned = create(planner, project, work("proposalId", accepted(project, point(5.503, 52.503), "Gepland"),
                today.toString(), future, 3000L)).expect(201).json().get("id").asLong();
        long cancelled = create(planner, project, work("proposalId", accepted(project, point(5.504, 52.504), "Weg"),
                past, yesterday, 400L)).expect(201).json().get("id").asLong();
        step(cancelled, "cancelled", past, "Niet doorgegaan");

        JsonNode figures = anyone.get("/api/projects/" + project + "/works/figures").expect(200).json();
        assertEquals(4, figures.get("works").asLong());
        assertEquals(1, figures.get("byStatus").get("done").asLong());
        assertEquals(1, figures.get("byStatus").get("construction").asLong());
        assertEquals(1, figures.get("byStatus").get("planned").asLong());
        assertEquals(1, figures.get("byStatus").get("cancelled").asLong());
        assertEquals(0, figures.get("byStatus").get("design").asLong());
        assertEquals(1, figures.get("onTime").asLong());
        assertEquals(1, figures.get("delayed").asLong(), "cancelled and planned works are not delayed");
        assertEquals(1, figures.get("overBudget").asLong());
        assertEquals(3, figures.get("onBudget").asLong());
        assertEquals(6400, figures.get("budget").asLong());
        assertEquals(2500, figures.get("spent").asLong());
        assertEquals(today.toString(), figures.get("today").asText());
        JsonNode lateWork = anyone.get("/api/works/" + late).expect(200).json();
        assertTrue(lateWork.get("delayed").asBoolean());
        assertTrue(lateWork.get("overBudget").asBoolean());
        assertFalse(anyone.get("/api/works/" + planned).expect(200).json().get("delayed").asBoolean());
        anyone.get("/api/projects/999999/works/figures").expect(404);
    }

    @Test
    void aPlannerChangesSpendingDatesAndTheAsBuiltGeometryWithinTheRules() {
        long proposalId = accepted(projectId, point(5.505, 52.505), "Bankjes");
        long id = create(planner, projectId, work("proposalId", proposalId, "2027-01-01", "2027-03-31", 5000L))
                .expect(201).json().get("id").asLong();
        String path = "/api/works/" + id;
        JsonNode changed = planner.patch(path, Map.of("spent", 6000, "team", "Wijkteam Noord", "asBuilt", PLAYGROUND))
                .expect(200).json();
        assertEquals(6000, changed.get("spent").asLong());
        assertTrue(changed.get("overBudget").asBoolean());
        assertEquals("Wijkteam Noord", changed.get("team").asText());
        assertEquals("Polygon", changed.get("asBuilt").get("type").asText());
        assertEquals("Point", changed.get("proposedGeometry").get("type").asText(), "the proposal's stays");

        assertEquals("asBuilt", field(planner.patch(path, Map.of("asBuilt", OUTSIDE_POINT)).expect(400)));
        assertEquals("plannedStart", field(planner.patch(path, Map.of("plannedStart", "2027-05-01")).expect(400)));
        assertEquals("plannedEnd", field(planner.patch(path, Map.of("plannedStart", "2027-02-01",
                "plannedEnd", "2027-01-01")).expect(400)));
        assertEquals("spent", field(planner.patch(path, Map.of("spent", -1)).expect(400)));
        assertEquals("budget", field(planner.patch(path, Map.of("budget", 1)).expect(400)));
        var nullTeam = new HashMap<String, Object>();
        nullTeam.put("team", null);
        assertEquals("team", field(planner.patch(path, nullTeam).expect(400)));
        resident.patch(path, Map.of("spent", 1)).expect(403);
        assertEquals(6000, anyone.get(path).expect(200).json().get("spent").asLong(), "refusals change nothing");

        var clear = new HashMap<String, Object>();
        clear.put("asBuilt", null);
        clear.put("plannedEnd", "2027-06-30");
        JsonNode cleared = planner.patch(path, clear).expect(200).json();
        assertTrue(cleared.get("asBuilt").isNull());
        assertEquals("2027-06-30", cleared.get("plannedEnd").asText());
    }

    @Test
    void aModeratorHidesAStepsNoteFromThePublicButNotItsDate() {
        long id = create(planner, projectId, work("proposalId", accepted(projectId, point(5.507, 52.507), "Bomen"),
                "2027-01-01", "2027-03-31", 900L)).expect(201).json().get("id").asLong();
        long stepId = step(id, "design", "2027-01-05", "Bel 06-12345678 voor vragen").get("steps").get(0).get("id")
                .asLong();
        resident.post("/api/work-steps/" + stepId + "/hide", Map.of("reason", "Telefoonnummer")).expect(403);
        moderator.post("/api/work-steps/" + stepId + "/hide", Map.of("reason", "Telefoonnummer")).expect(201);
        JsonNode seen = anyone.get("/api/works/" + id).expect(200).json().get("steps").get(0);
        assertTrue(seen.get("note").isNull(), seen.toString());
        assertTrue(seen.get("hidden").asBoolean());
        assertEquals("2027-01-05", seen.get("onDate").asText());
        assertEquals("design", anyone.get("/api/works/" + id).expect(200).json().get("status").asText());
        assertEquals("Bel 06-12345678 voor vragen", planner.get("/api/works/" + id).expect(200).json().get("steps")
                .get(0).get("note").asText());
        String log = moderator.get("/api/moderation/log?limit=5").expect(200).body();
        assertTrue(log.contains("work_step"), log);
        moderator.post("/api/work-steps/" + stepId + "/restore", Map.of("reason", "Nummer van de gemeente")).expect(201);
        assertFalse(anyone.get("/api/works/" + id).expect(200).json().get("steps").get(0).get("note").isNull());
    }

    @Test
    void aMissingWorkOrProjectIsNotFound() {
        anyone.get("/api/works/999999").expect(404);
        anyone.get("/api/works/abc").expect(404);
        anyone.get("/api/projects/999999/works").expect(404);
        assertEquals(400, anyone.get("/api/projects/" + projectId + "/works?page=2").status());
    }
}
