package nl.plein.meetings;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.OUTSIDE_POINT;
import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import nl.plein.support.Together;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Live meetings over real HTTP on real PostGIS: joining, acting, questions, access, input, closing. */
class MeetingApiTest {
    static TestServer server;
    static Client admin;
    static Client planner;
    static Client moderator;
    static Client resident;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.signedIn("admin@test.example", Role.ADMIN);
        planner = server.signedIn("planner@test.example", Role.PLANNER);
        moderator = server.signedIn("mod@test.example", Role.MODERATOR);
        resident = server.signedIn("resident@test.example", Role.RESIDENT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A new project with one published proposal: [projectId, proposalId]. */
    static long[] projectWithProposal(String title) {
        long projectId = admin.post("/api/projects", project(title, List.of("point"), false)).expect(201).json()
                .get("id").asLong();
        long proposalId = resident.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, "Benches"))
                .expect(201).json().get("id").asLong();
        return new long[] {projectId, proposalId};
    }

    static JsonNode startMeeting(long projectId) {
        return planner.post("/api/projects/" + projectId + "/meetings", Map.of()).expect(201).json();
    }

    /** A phone joining as a guest: a client holding the guest's session and CSRF token. */
    static Client guest(String code, String name) {
        return guest(server, code, name);
    }

    static Client guest(TestServer server, String code, String name) {
        Client phone = server.anonymous();
        var joined = phone.post("/api/meetings/join", Map.of("code", code, "displayName", name)).expect(201).json();
        assertTrue(joined.get("guest").asBoolean());
        phone.useCsrfToken(joined.get("csrfToken").asText());
        return phone;
    }

    static JsonNode live(Client who, long meetingId) {
        return who.get("/api/meetings/" + meetingId + "/live").expect(200).json();
    }

    @Test
    void aGuestJoinsWithTheCodeCommentsSupportsAndAnswersWhileTheMeetingIsOpen() {
        long[] ids = projectWithProposal("Flow");
        var meeting = startMeeting(ids[0]);
        long meetingId = meeting.get("id").asLong();
        String code = meeting.get("code").asText();
        assertTrue(code.matches("[2-9A-HJ-NP-Z]{6}"), code);
        assertTrue(meeting.get("joinUrl").asText().endsWith("/j/" + code));
        planner.post("/api/projects/" + ids[0] + "/meetings", Map.of()).expect(409);

        Client phone = guest(code.toLowerCase(), "Fatima");
        var session = phone.get("/api/session").expect(200).json();
        assertTrue(session.get("account").get("guest").asBoolean());
        assertTrue(session.get("account").get("email").isNull());

        String base = "/api/meetings/" + meetingId;
        var comment = phone.post(base + "/proposals/" + ids[1] + "/comments", Map.of("body", "Meer schaduw graag"))
                .expect(201).json();
        assertEquals("Fatima", comment.get("properties").get("author").get("displayName").asText());
        assertEquals(1, phone.put(base + "/proposals/" + ids[1] + "/support", Map.of()).expect(200).json()
                .get("supportCount").asInt());

        long question = planner.post(base + "/questions", Map.of("kind", "choice", "prompt", "Which bench?",
                "options", List.of("Wood", "Stone", "None"))).expect(201).json().get("id").asLong();
        phone.put(base + "/questions/" + question + "/answer", Map.of("choice", 1)).expect(200);
        phone.put(base + "/questions/" + question + "/answer", Map.of("choice", 2)).expect(200);
        var staff = live(planner, meetingId);
        assertEquals("raw", staff.get("counts").asText());
        assertEquals(1, staff.get("attendees").asInt());
        assertEquals(1, staff.get("question").get("answers").asInt(), "answering again changes the answer");
        assertEquals(0, staff.get("question").get("results").get(1).get("count").asInt());
        assertEquals(1, staff.get("question").get("results").get(2).get("count").asInt());
        var latestChoice = staff.get("question").get("latestAnswers");
        assertEquals(1, latestChoice.size(), "one answer per person: " + latestChoice);
        assertEquals(2, latestChoice.get(0).get("option").asInt(), "the staff list names the option chosen");
        var everyone = live(server.anonymous(), meetingId);
        assertEquals("public", everyone.get("counts").asText());
        assertEquals("<5", everyone.get("attendees").asText());
        assertEquals("<5", everyone.get("question").get("results").get(2).get("count").asText());
        assertEquals("Meer schaduw graag", everyone.get("comments").get(0).get("body").asText());
        assertEquals(ids[1], everyone.get("supports").get(0).get("proposalId").asLong());

        long pin = planner.post(base + "/questions", Map.of("kind", "pin", "prompt", "Where is it too dark?"))
                .expect(201).json().get("id").asLong();
        phone.put(base + "/questions/" + question + "/answer", Map.of("choice", 0)).expect(409);
        problemNames(phone.put(base + "/questions/" + pin + "/answer", Map.of("geometry", OUTSIDE_POINT)), 400,
                "geometry");
        problemNames(phone.put(base + "/questions/" + pin + "/answer", Map.of("choice", 0)), 400, "choice");
        phone.put(base + "/questions/" + pin + "/answer", Map.of("geometry", INSIDE_POINT)).expect(200);
        assertEquals(1, live(planner, meetingId).get("question").get("pins").size());
        assertEquals(0, live(server.anonymous(), meetingId).get("question").get("pins").size(),
                "fewer pins than the small-count threshold are not shown in public");
        planner.post(base + "/questions/" + pin + "/close", Map.of()).expect(204);
        assertTrue(live(planner, meetingId).get("question").isNull());

        planner.post(base + "/close", Map.of()).expect(200);
        phone.post(base + "/proposals/" + ids[1] + "/comments", Map.of("body", "Too late")).expect(409);
        phone.put(base + "/proposals/" + ids[1] + "/support", Map.of()).expect(409);
        server.anonymous().post("/api/meetings/join", Map.of("code", code, "displayName", "Late")).expect(409);
    }

    @Test
    void guestsActOnlyThroughTheMeetingAndCannotSignInOrBePromoted() {
        long[] ids = projectWithProposal("Guests");
        var meeting = startMeeting(ids[0]);
        Client phone = guest(meeting.get("code").asText(), "Guest");
        var refused = phone.post("/api/proposals/" + ids[1] + "/comments", feature(null, Map.of("body", "hi")))
                .expect(403).json();
        assertTrue(refused.get("detail").asText().contains("guest"), refused.toString());
        phone.put("/api/proposals/" + ids[1] + "/support", Map.of()).expect(403);
        phone.post("/api/projects/" + ids[0] + "/proposals", proposal(INSIDE_POINT, "Mine")).expect(403);
        phone.patch("/api/accounts/me", Map.of("displayName", "Other")).expect(403);

        long guestId = phone.get("/api/session").json().get("account").get("id").asLong();
        var accounts = admin.get("/api/accounts").expect(200).json();
        boolean listed = false;
        for (JsonNode account : accounts) {
            listed |= account.get("id").asLong() == guestId && account.get("guest").asBoolean();
        }
        assertTrue(listed, "admins list guests with the others");
        problemNames(admin.patch("/api/accounts/" + guestId, Map.of("role", "moderator")), 409, "role");
        admin.patch("/api/accounts/" + guestId, Map.of("disabled", true)).expect(200);
        phone.put("/api/meetings/" + meeting.get("id").asLong() + "/proposals/" + ids[1] + "/support", Map.of())
                .expect(401);
        planner.post("/api/meetings/" + meeting.get("id").asLong() + "/close", Map.of()).expect(200);
    }

    @Test
    void aSignedInAccountJoinsAsItselfAndOnlyPlannersAndModeratorsSteer() {
        long[] ids = projectWithProposal("Access");
        server.anonymous().post("/api/projects/" + ids[0] + "/meetings", Map.of()).expect(401);
        resident.post("/api/projects/" + ids[0] + "/meetings", Map.of()).expect(403);
        var meeting = startMeeting(ids[0]);
        long meetingId = meeting.get("id").asLong();
        String base = "/api/meetings/" + meetingId;

        server.anonymous().post(base + "/proposals/" + ids[1] + "/comments", Map.of("body", "x")).expect(401);
        resident.post(base + "/proposals/" + ids[1] + "/comments", Map.of("body", "x")).expect(403);
        problemNames(resident.post("/api/meetings/join", Map.of("code", meeting.get("code").asText(),
                "displayName", "Me")), 400, "displayName");
        var joined = resident.post("/api/meetings/join", Map.of("code", meeting.get("code").asText())).expect(200)
                .json();
        assertFalse(joined.get("guest").asBoolean());
        assertTrue(resident.get(base).json().get("attending").asBoolean());
        resident.post(base + "/proposals/" + ids[1] + "/comments", Map.of("body", "As myself")).expect(201);

        resident.post(base + "/questions", Map.of("kind", "pin", "prompt", "Where?")).expect(403);
        moderator.post(base + "/close", Map.of()).expect(403);
        resident.post(base + "/close", Map.of()).expect(403);

        long otherProject = projectWithProposal("Elsewhere")[1];
        resident.post(base + "/proposals/" + otherProject + "/comments", Map.of("body", "x")).expect(404);
        server.anonymous().get("/api/meetings/999999/live").expect(404);
        server.anonymous().get(base + "/record").expect(404);
        planner.post(base + "/close", Map.of()).expect(200);
        planner.post(base + "/close", Map.of()).expect(409);
    }

    @Test
    void badInputIsAProblemThatNamesTheField() {
        long[] ids = projectWithProposal("Input");
        var meeting = startMeeting(ids[0]);
        String base = "/api/meetings/" + meeting.get("id").asLong();
        Client phone = server.anonymous();
        problemNames(phone.post("/api/meetings/join", Map.of("code", meeting.get("code").asText())), 400, "displayName");
        problemNames(phone.post("/api/meetings/join", Map.of("code", "ABC", "displayName", "X")), 400, "code");
        problemNames(phone.post("/api/meetings/join", Map.of("code", "ZZZZZZ", "displayName", "X")), 400, "code");
        problemNames(phone.post("/api/meetings/join", Map.of("code", meeting.get("code").asText(), "displayName", "X",
                "address", "Dorpsstraat 1")), 400, "address");
        problemNames(phone.post("/api/meetings/join", Map.of("code", meeting.get("code").asText(), "displayName", "X",
                "homeAreaId", 999999)), 400, "homeAreaId");
        problemNames(planner.post(base + "/questions", Map.of("kind", "choice", "prompt", "?", "options", List.of("A"))),
                400, "options");
        problemNames(planner.post(base + "/questions", Map.of("kind", "choice", "prompt", "?", "options",
                List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"))), 400, "options");
        problemNames(planner.post(base + "/questions", Map.of("kind", "poll", "prompt", "?")), 400, "kind");
        problemNames(planner.post(base + "/questions", Map.of("kind", "pin", "prompt", " ")), 400, "prompt");
        problemNames(planner.post(base + "/questions", Map.of("kind", "pin", "prompt", "?", "options", List.of("A", "B"))),
                400, "options");
        long question = planner.post(base + "/questions", Map.of("kind", "choice", "prompt", "?",
                "options", List.of("A", "B"))).expect(201).json().get("id").asLong();
        Client guest = guest(meeting.get("code").asText(), "G");
        problemNames(guest.put(base + "/questions/" + question + "/answer", Map.of("choice", 2)), 400, "choice");
        problemNames(guest.put(base + "/questions/" + question + "/answer", Map.of("choice", "A")), 400, "choice");
        problemNames(guest.put(base + "/questions/" + question + "/answer", Map.of()), 400, "choice");
        problemNames(guest.post(base + "/proposals/" + ids[1] + "/comments", Map.of("body", "")), 400, "body");
        problemNames(guest.post(base + "/proposals/" + ids[1] + "/comments", Map.of("body", "x", "geometry",
                INSIDE_POINT)), 400, "geometry");
        long comments = Jdbis.create(server.dataSource).withHandle(h -> h.createQuery(
                "SELECT count(*) FROM comments WHERE meeting_id = :meeting").bind("meeting", meeting.get("id").asLong())
                .mapTo(Long.class).one());
        assertEquals(0, comments, "nothing half-written");
        planner.post(base + "/close", Map.of()).expect(200);
    }

    @Test
    void theJoinLinkLeadsToTheJoinPageAndTheQrCodeIsAnSvg() {
        var meeting = startMeeting(projectWithProposal("Links")[0]);
        String code = meeting.get("code").asText();
        var redirect = server.anonymous().get("/j/" + code);
        assertEquals(303, redirect.status());
        assertEquals("/#/join/" + code, redirect.header("Location"));
        server.anonymous().get("/j/not-a-code").expect(404);
        var qr = server.anonymous().get("/api/meetings/" + meeting.get("id").asLong() + "/qr.svg").expect(200);
        assertTrue(qr.header("Content-Type").startsWith("image/svg+xml"));
        assertTrue(qr.body().startsWith("<svg") && qr.body().contains("<title"), qr.body());
        planner.post("/api/meetings/" + meeting.get("id").asLong() + "/close", Map.of()).expect(200);
    }

    @Test
    void aModeratorHidesAnAnswerWithAReasonAndItLeavesTheResults() {
        long[] ids = projectWithProposal("Hide answer");
        var meeting = startMeeting(ids[0]);
        long meetingId = meeting.get("id").asLong();
        String base = "/api/meetings/" + meetingId;
        long pin = planner.post(base + "/questions", Map.of("kind", "pin", "prompt", "Where?")).expect(201).json()
                .get("id").asLong();
        Client phone = guest(meeting.get("code").asText(), "P");
        phone.put(base + "/questions/" + pin + "/answer", Map.of("geometry", INSIDE_POINT)).expect(200);
        long answerId = live(moderator, meetingId).get("question").get("pins").get(0).get("answerId").asLong();
        var latest = live(moderator, meetingId).get("question").get("latestAnswers");
        assertEquals(1, latest.size(), latest.toString());
        assertEquals(answerId, latest.get(0).get("answerId").asLong(), "the raw view lists the answer to hide");
        assertEquals(1, latest.get(0).get("number").asInt(), "numbered as the pins are listed");
        assertTrue(live(moderator, meetingId).get("question").has("latestAnswers"));
        for (var publicState : List.of(live(server.anonymous(), meetingId),
                moderator.get(base + "/live?view=public").expect(200).json())) {
            assertTrue(!publicState.get("question").has("latestAnswers")
                    && !publicState.toString().contains("answerId"), "answer ids stay out of the public view");
        }
        resident.post("/api/answers/" + answerId + "/hide", Map.of("reason", "spam")).expect(403);
        var entry = moderator.post("/api/answers/" + answerId + "/hide", Map.of("reason", "A rude drawing"))
                .expect(201).json();
        assertEquals("answer", entry.get("targetKind").asText());
        assertEquals(0, live(moderator, meetingId).get("question").get("answers").asInt());
        assertEquals(0, live(moderator, meetingId).get("question").get("latestAnswers").size(), "a hidden answer leaves the list");
        moderator.post("/api/answers/" + answerId + "/restore", Map.of("reason", "On appeal")).expect(201);
        assertEquals(1, live(moderator, meetingId).get("question").get("answers").asInt());
        planner.post(base + "/close", Map.of()).expect(200);
    }

    @Test
    void concurrentAnswersAndSupportsAreCountedExactly() throws Exception {
        long[] ids = projectWithProposal("Concurrent");
        var meeting = startMeeting(ids[0]);
        long meetingId = meeting.get("id").asLong();
        String base = "/api/meetings/" + meetingId;
        int people = 40;
        var joins = new ArrayList<Callable<Client>>();
        for (int i = 0; i < people; i++) {
            String name = "Guest " + i;
            joins.add(() -> guest(meeting.get("code").asText(), name));
        }
        List<Client> phones = Together.run(joins);
        long question = planner.post(base + "/questions", Map.of("kind", "choice", "prompt", "Which?",
                "options", List.of("A", "B", "C"))).expect(201).json().get("id").asLong();
        var acts = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < people; i++) {
            Client phone = phones.get(i);
            int choice = i % 3;
            acts.add(() -> phone.put(base + "/questions/" + question + "/answer", Map.of("choice", choice)).status());
            acts.add(() -> phone.put(base + "/questions/" + question + "/answer", Map.of("choice", choice)).status());
            acts.add(() -> phone.put(base + "/proposals/" + ids[1] + "/support", Map.of()).status());
            acts.add(() -> phone.put(base + "/proposals/" + ids[1] + "/support", Map.of()).status());
        }
        Together.run(acts).forEach(status -> assertEquals(200, status));
        var state = live(planner, meetingId);
        assertEquals(people, state.get("attendees").asInt());
        assertEquals(people, state.get("question").get("answers").asInt());
        assertEquals(14, state.get("question").get("results").get(0).get("count").asInt());
        assertEquals(13, state.get("question").get("results").get(1).get("count").asInt());
        assertEquals(13, state.get("question").get("results").get(2).get("count").asInt());
        assertEquals(people, server.anonymous().get("/api/proposals/" + ids[1]).json().get("properties")
                .get("supportCount").asInt());
        var everyone = live(server.anonymous(), meetingId);
        assertEquals("40", everyone.get("attendees").asText());
        assertEquals("15", everyone.get("question").get("results").get(0).get("count").asText());
        // A projector run by a planner asks for what the room may see.
        var projected = planner.get("/api/meetings/" + meetingId + "/live?view=public").expect(200).json();
        assertEquals("public", projected.get("counts").asText());
        assertEquals(everyone.get("question"), projected.get("question"));
        assertEquals("raw", planner.get("/api/meetings/" + meetingId + "/live?view=raw").expect(200).json()
                .get("counts").asText());
        assertEquals("public", server.anonymous().get("/api/meetings/" + meetingId + "/live?view=raw").expect(200)
                .json().get("counts").asText(), "raw counts stay with staff");
        problemNames(planner.get("/api/meetings/" + meetingId + "/live?view=everything"), 400, "view");
        planner.post(base + "/close", Map.of()).expect(200);
    }

    @Test
    void aPublicChoiceResultHidesASecondCellWhenTheTotalWouldGiveASmallOneAway() {
        long[] ids = projectWithProposal("Suppression");
        var meeting = startMeeting(ids[0]);
        long meetingId = meeting.get("id").asLong();
        String base = "/api/meetings/" + meetingId;
        long question = planner.post(base + "/questions", Map.of("kind", "choice", "prompt", "Which?",
                "options", List.of("A", "B", "C"))).expect(201).json().get("id").asLong();
        int[] choices = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2};
        for (int i = 0; i < choices.length; i++) {
            guest(meeting.get("code").asText(), "V" + i).put(base + "/questions/" + question + "/answer",
                    Map.of("choice", choices[i])).expect(200);
        }
        var results = live(server.anonymous(), meetingId).get("question");
        assertEquals("20", results.get("answers").asText());
        assertEquals("10", results.get("results").get(0).get("count").asText());
        assertEquals("x", results.get("results").get(1).get("count").asText(), "6 would give the 2 away");
        assertEquals("<5", results.get("results").get(2).get("count").asText());
        planner.post(base + "/close", Map.of()).expect(200);
    }

    @Test
    void theRecordReadsTheSameByteForByteAfterTheDataChanges() {
        long[] ids = projectWithProposal("Record");
        var meeting = startMeeting(ids[0]);
        long meetingId = meeting.get("id").asLong();
        String base = "/api/meetings/" + meetingId;
        Client phone = guest(meeting.get("code").asText(), "Noor");
        long commentId = phone.post(base + "/proposals/" + ids[1] + "/comments", Map.of("body", "Keep the trees"))
                .expect(201).json().get("id").asLong();
        long question = planner.post(base + "/questions", Map.of("kind", "choice", "prompt", "Trees?",
                "options", List.of("Yes", "No"))).expect(201).json().get("id").asLong();
        phone.put(base + "/questions/" + question + "/answer", Map.of("choice", 0)).expect(200);
        var closed = planner.post(base + "/close", Map.of()).expect(200);
        String record = server.anonymous().get(base + "/record").expect(200).body();
        assertEquals(closed.body(), record);
        var content = closed.json();
        assertEquals("Keep the trees", content.get("comments").get(0).get("body").asText());
        assertEquals("Trees?", content.get("questions").get(0).get("prompt").asText());
        assertEquals("<5", content.get("questions").get(0).get("results").get(0).get("count").asText());
        assertFalse(content.get("meeting").get("open").asBoolean());
        assertNotNull(content.get("meeting").get("closedAt").textValue());
        assertTrue(content.has("report"), "the place where the report part goes");

        resident.post("/api/proposals/" + ids[1] + "/comments", feature(null, Map.of("body", "Later"))).expect(201);
        moderator.post("/api/comments/" + commentId + "/hide", Map.of("reason", "Checking the record")).expect(201);
        planner.post("/api/proposals/" + ids[1] + "/decisions", Map.of("status", "under_consideration",
                "reason", "On the agenda")).expect(201);
        admin.patch("/api/projects/" + ids[0], feature(null, Map.of("title", "Renamed"))).expect(200);
        assertEquals(record, server.anonymous().get(base + "/record").expect(200).body());
        // A new meeting on the project may start once the last one is closed.
        planner.post(base.replace("/meetings/" + meetingId, "/projects/" + ids[0] + "/meetings"), Map.of()).expect(201);
    }

    @Test
    void joiningIsLimitedPerNetworkAddressForGuestsAndForWrongCodes() {
        try (var limited = TestServer.start(Map.of("PLEIN_MEETING_JOINS_PER_ADDRESS", "2"))) {
            var boss = limited.signedIn("admin@test.example", Role.ADMIN);
            long projectId = boss.post("/api/projects", project("Limited", List.of("point"), false)).expect(201)
                    .json().get("id").asLong();
            String code = boss.post("/api/projects/" + projectId + "/meetings", Map.of()).expect(201).json()
                    .get("code").asText();
            guest(limited, code, "One");
            guest(limited, code, "Two");
            limited.anonymous().post("/api/meetings/join", Map.of("code", code, "displayName", "Three")).expect(429);
            boss.post("/api/meetings/join", Map.of("code", code)).expect(200);
            for (int i = 0; i < JoinThrottle.WRONG_CODES_PER_WINDOW; i++) {
                boss.post("/api/meetings/join", Map.of("code", "ZZZZZZ")).expect(400);
            }
            boss.post("/api/meetings/join", Map.of("code", code)).expect(429);
        }
    }

    static void problemNames(Client.Response response, int status, String field) {
        response.expect(status);
        assertTrue(response.header("Content-Type").startsWith("application/problem+json"), response.body());
        boolean named = false;
        for (JsonNode error : response.json().path("errors")) {
            named |= error.get("field").asText().equals(field);
        }
        assertTrue(named, () -> "problem should name " + field + ": " + response.body());
    }
}
