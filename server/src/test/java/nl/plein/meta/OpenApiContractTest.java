package nl.plein.meta;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.polygon;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.plein.accounts.Role;
import nl.plein.budgets.results.ResultsFixtures;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is the one description of every route, and the code is held to it: one
 * walk through every documented operation, each sent for real (see {@link Contract} for what is asked
 * around each exchange). Every disagreement is listed at the end, not just the first.
 */
class OpenApiContractTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        // An address search that is switched on (at an address where nothing answers) reads its query.
        server = TestServer.start(Map.of("PLEIN_GEOCODER_URL", "http://127.0.0.1:9"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode served() {
        return server.anonymous().get("/api/openapi.json").expect(200).json();
    }

    @Test
    void everyDocumentedOperationAcceptsTheDocumentedInputAndAnswersAsDocumented() {
        var document = new OpenApiDocument(served());
        var contract = new Contract(document, server.baseUrl);
        try {
            new Walk(contract).run();
        } catch (AssertionError e) {
            throw new AssertionError("the walk stopped: " + e.getMessage() + "\nafter these disagreements:\n"
                    + String.join("\n", contract.disagreements()), e);
        }
        contract.compareParameters();
        var api = new TreeSet<String>();
        document.operations().stream().filter(op -> op.split(" ", 2)[1].startsWith("/api")).forEach(api::add);
        var missed = new TreeSet<>(api);
        missed.removeAll(contract.exercised());
        var disagreements = new ArrayList<>(contract.disagreements());
        if (!missed.isEmpty()) {
            disagreements.add("operations the walk does not exercise (add them to it): " + missed);
        }
        assertEquals("", String.join("\n", disagreements));
    }

    /** Every /api operation once (or more), in an order that makes what the next one needs. */
    private record Walk(Contract contract) {
        JsonNode json(Client.Response response, int status) {
            return response.expect(status).json();
        }

        Client.Response call(Client client, String operation, String path, Object body) {
            return contract.exchange(client, operation, path, body);
        }

        void run() {
            Client anyone = server.anonymous();
            Client admin = server.signedIn("admin@contract.test", Role.ADMIN);
            Client resident = server.signedIn("resident@contract.test", Role.RESIDENT);
            Client neighbour = server.signedIn("neighbour@contract.test", Role.RESIDENT);

            call(anyone, "GET /api", "/api", null).expect(200);
            call(anyone, "GET /api/health", "/api/health", null).expect(200);
            call(anyone, "GET /api/openapi.json", "/api/openapi.json", null).expect(200);
            call(anyone, "GET /api/config", "/api/config", null).expect(200);
            call(anyone, "GET /api/geocode", "/api/geocode?q=Dam", null);

            call(anyone, "POST /api/accounts", "/api/accounts",
                    Map.of("email", "new@contract.test", "password", TestServer.PASSWORD, "displayName", "Nieuw"))
                    .expect(202);
            var signIn = server.anonymous();
            json(call(signIn, "POST /api/session", "/api/session",
                    Map.of("email", "resident@contract.test", "password", TestServer.PASSWORD)), 200);
            long residentId = json(call(resident, "GET /api/session", "/api/session", null), 200)
                    .get("account").get("id").asLong();
            call(neighbour, "PATCH /api/accounts/me", "/api/accounts/me", Map.of("displayName", "Buur",
                    "password", TestServer.PASSWORD, "currentPassword", TestServer.PASSWORD)).expect(200);
            call(admin, "GET /api/accounts", "/api/accounts?limit=10", null).expect(200);
            call(admin, "PATCH /api/accounts/{id}", "/api/accounts/" + residentId, Map.of("disabled", false))
                    .expect(200);

            long setId = json(call(admin, "POST /api/area-sets", "/api/area-sets?name=Wijken&year=2024&dryRun=false",
                    buurten()), 201).get("id").asLong();
            call(anyone, "GET /api/area-sets", "/api/area-sets", null).expect(200);
            call(admin, "POST /api/area-sets/{id}/assign", "/api/area-sets/" + setId + "/assign", null).expect(200);
            call(anyone, "GET /api/areas", "/api/areas?set=" + setId, null).expect(200);

            long projectId = json(call(admin, "POST /api/projects", "/api/projects",
                    project("Contract", List.of("point", "line", "polygon"), false)), 201).get("id").asLong();
            long moderatedId = admin.post("/api/projects", project("Gemodereerd", List.of("point"), true))
                    .expect(201).json().get("id").asLong();
            call(anyone, "GET /api/projects", "/api/projects", null).expect(200);
            call(anyone, "GET /api/projects/{id}", "/api/projects/" + projectId, null).expect(200);
            call(admin, "PATCH /api/projects/{id}", "/api/projects/" + projectId,
                    feature(null, Map.of("summary", "Changed"))).expect(200);
            proposals(anyone, admin, resident, neighbour, projectId, moderatedId, setId);
            evaluations(anyone, admin, resident, projectId);
            presentationsAndMeetings(anyone, admin, resident, projectId);
            budgets(anyone, admin, resident, projectId, setId);
            ballots(anyone, admin, resident, projectId, setId);
            voteResults(anyone, admin, projectId);
            works(anyone, admin, resident, projectId);
            learning(anyone, admin, projectId);
            following(admin, resident, neighbour, projectId);
            call(resident, "DELETE /api/session", "/api/session", null).expect(204);
        }

        /** Photos on the proposal and comment, and on a progress update made directly in the database. */
        void photos(Client admin, Client resident, Client neighbour, String proposal, String comment) {
            byte[] jpeg = nl.plein.photos.TestImages.jpeg(nl.plein.photos.TestImages.halves(64, 48));
            var fields = java.util.Set.of("file", "alt");
            long photoId = json(contract.exchangeForm(resident, "POST /api/proposals/{id}/photos", proposal + "/photos",
                    nl.plein.support.Multipart.photo(jpeg, "Rood en blauw"), fields), 201).get("id").asLong();
            contract.exchangeForm(resident, "POST /api/comments/{id}/photos", comment + "/photos",
                    nl.plein.support.Multipart.photo(jpeg, "Rood en blauw"), fields).expect(201);
            // Refusals come as documented too: no alt, and a file that is not an image.
            contract.exchangeForm(resident, "POST /api/proposals/{id}/photos", proposal + "/photos",
                    new nl.plein.support.Multipart().file("file", "a.jpg", "image/jpeg", jpeg), java.util.Set.of("file"))
                    .expect(400);
            contract.exchangeForm(resident, "POST /api/proposals/{id}/photos", proposal + "/photos",
                    nl.plein.support.Multipart.photo(nl.plein.photos.TestImages.SVG, "Svg"), fields).expect(415);
            long stepId;
            try (var c = server.dataSource.getConnection(); var rs = c.createStatement().executeQuery(
                    "WITH w AS (INSERT INTO works (project_id, proposal_id, title, team, planned_start, planned_end,"
                            + " budget) SELECT project_id, id, 'Werk', 'Team', DATE '2026-01-01', DATE '2026-02-01', 1"
                            + " FROM proposals WHERE id = " + proposal.substring(proposal.lastIndexOf('/') + 1)
                            + " RETURNING id) INSERT INTO work_steps (work_id, step, on_date, note)"
                            + " SELECT id, 'update', DATE '2026-01-15', 'Begonnen' FROM w RETURNING id")) {
                rs.next();
                stepId = rs.getLong(1);
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
            contract.exchangeForm(admin, "POST /api/work-steps/{id}/photos", "/api/work-steps/" + stepId + "/photos",
                    nl.plein.support.Multipart.photo(jpeg, "Begin van het werk"), fields).expect(201);
            String photo = "/api/photos/" + photoId;
            var reason = Map.of("reason", "Herkenbaar gezicht");
            call(admin, "POST /api/photos/{id}/hide", photo + "/hide", reason).expect(201);
            call(admin, "POST /api/photos/{id}/restore", photo + "/restore", reason).expect(201);
            call(neighbour, "DELETE /api/photos/{id}", photo, null).expect(403);
            call(resident, "DELETE /api/photos/{id}", photo, null).expect(204);
        }

        void proposals(Client anyone, Client admin, Client resident, Client neighbour, long projectId, long moderatedId, long setId) {
            String projectPath = "/api/projects/" + projectId;
            long proposalId = json(call(resident, "POST /api/projects/{id}/proposals", projectPath + "/proposals",
                    proposal(INSIDE_POINT, "Bankjes")), 201).get("id").asLong();
            long otherId = resident.post(projectPath + "/proposals", proposal(point(5.506, 52.506), "Bomen"))
                    .expect(201).json().get("id").asLong();
            String proposal = "/api/proposals/" + proposalId;
            call(anyone, "GET /api/proposals", "/api/proposals?project=" + projectId, null).expect(200);
            call(anyone, "GET /api/proposals/clusters", "/api/proposals/clusters?project=" + projectId
                    + "&bbox=5.49,52.49,5.52,52.52&zoom=15", null)
                    .expect(200);
            call(anyone, "GET /api/proposals/{id}", proposal, null).expect(200);
            call(resident, "PATCH /api/proposals/{id}", proposal,
                    feature(INSIDE_POINT, Map.of("description", "Meer bankjes"))).expect(200);
            call(admin, "POST /api/proposals/{id}/decisions", proposal + "/decisions",
                    Map.of("status", "under_consideration", "reason", "Looking")).expect(201);
            long waitingId = resident.post("/api/projects/" + moderatedId + "/proposals", proposal(INSIDE_POINT, "Wacht"))
                    .expect(201).json().get("id").asLong();
            call(admin, "POST /api/proposals/{id}/publish", "/api/proposals/" + waitingId + "/publish",
                    Map.of("reason", "Civil")).expect(201);
            call(resident, "PUT /api/proposals/{id}/support", proposal + "/support", null).expect(200);
            call(resident, "DELETE /api/proposals/{id}/support", proposal + "/support", null).expect(200);
            resident.put(proposal + "/support", Map.of()).expect(200);

            long variantId = json(call(neighbour, "POST /api/proposals/{id}/variants", proposal + "/variants",
                    feature(point(5.504, 52.504), Map.of("title", "Anders", "description", "Verderop"))), 201)
                    .get("id").asLong();
            String variant = "/api/variants/" + variantId;
            call(anyone, "GET /api/proposals/{id}/variants", proposal + "/variants", null).expect(200);
            call(anyone, "GET /api/variants/{id}", variant, null).expect(200);
            call(anyone, "GET /api/variants/{id}/comparison", variant + "/comparison", null).expect(200);
            call(neighbour, "PATCH /api/variants/{id}", variant, feature(point(5.504, 52.504),
                    Map.of("title", "Anders nog"))).expect(200);

            long commentId = json(call(resident, "POST /api/proposals/{id}/comments", proposal + "/comments",
                    feature(null, Map.of("body", "Goed plan"))), 201).get("id").asLong();
            String comment = "/api/comments/" + commentId;
            call(anyone, "GET /api/proposals/{id}/comments", proposal + "/comments", null).expect(200);
            call(resident, "PATCH /api/comments/{id}", comment, feature(null, Map.of("body", "Heel goed plan")))
                    .expect(200);

            var reason = Map.of("reason", "Off topic");
            for (String kind : List.of("proposals", "variants", "comments")) {
                String target = "/api/" + kind + "/" + (kind.equals("proposals") ? otherId
                        : kind.equals("variants") ? variantId : commentId);
                call(admin, "POST /api/" + kind + "/{id}/hide", target + "/hide", reason).expect(201);
                call(admin, "POST /api/" + kind + "/{id}/restore", target + "/restore", reason).expect(201);
            }
            photos(admin, resident, neighbour, proposal, comment);
            call(admin, "GET /api/moderation/log", "/api/moderation/log?limit=20", null).expect(200);

            call(admin, "POST /api/projects/{id}/places", projectPath + "/places",
                    feature(point(5.505, 52.505), Map.of("name", "Plein"))).expect(201);
            call(anyone, "GET /api/projects/{id}/places", projectPath + "/places", null).expect(200);

            call(admin, "GET /api/projects/{id}/participation", projectPath + "/participation?set=" + setId, null)
                    .expect(200);
            call(anyone, "GET /api/projects/{id}/participation.csv", projectPath + "/participation.csv?set=" + setId,
                    null).expect(200);
            call(anyone, "GET /api/projects/{id}/participation.geojson",
                    projectPath + "/participation.geojson?set=" + setId, null).expect(200);
            for (String file : List.of("proposals.csv", "proposals.geojson", "proposals.gpkg",
                    "participation.csv?set=" + setId, "participation.geojson", "proposals.dictionary.json",
                    "proposals.dictionary.csv")) {
                call(anyone, "GET /api/projects/{id}/exports/{file}", projectPath + "/exports/" + file, null)
                        .expect(200);
            }
            for (String analysis : List.of("clusters", "hexbins", "hotspots", "moran", "heatmap")) {
                call(admin, "GET /api/projects/{id}/analysis/" + analysis, projectPath + "/analysis/" + analysis,
                        null);
                call(anyone, "GET /api/projects/{id}/analysis/" + analysis, projectPath + "/analysis/" + analysis,
                        null);
            }

            call(resident, "DELETE /api/comments/{id}", comment, null).expect(204);
            call(neighbour, "DELETE /api/variants/{id}", variant, null).expect(204);
            call(resident, "DELETE /api/proposals/{id}", "/api/proposals/" + otherId, null).expect(204);
        }

        /** A resident evaluates a finished work, written with SQL (the works routes are another part's). */
        void evaluations(Client anyone, Client admin, Client resident, long projectId) {
            long proposalId = resident.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, "Gedaan"))
                    .expect(201).json().get("id").asLong();
            long workId = nl.plein.db.Jdbis.create(server.dataSource).withHandle(h -> h.createQuery("INSERT INTO works "
                    + "(project_id, proposal_id, title, team, planned_start, planned_end, budget, status, finished_on) "
                    + "VALUES (:project, :proposal, 'Bankjes', 'Groen', current_date - 30, current_date, 5000, 'done', "
                    + "current_date) RETURNING id").bind("project", projectId).bind("proposal", proposalId)
                    .mapTo(Long.class).one());
            String work = "/api/works/" + workId;
            call(resident, "GET /api/works/{id}/evaluation", work + "/evaluation", null).expect(204);
            long evaluationId = json(call(resident, "PUT /api/works/{id}/evaluation", work + "/evaluation",
                    Map.of("rating", 4, "worksWell", "Zit fijn", "notWorking", "", "pin", point(5.506, 52.506),
                            "pinUsed", true)), 200).get("id").asLong();
            call(resident, "PUT /api/works/{id}/evaluation", work + "/evaluation",
                    Map.of("rating", 3, "pin", point(5.52, 52.506), "pinUsed", true)).expect(422);
            call(resident, "GET /api/works/{id}/evaluation", work + "/evaluation", null).expect(200);
            call(anyone, "GET /api/works/{id}/evaluations", work + "/evaluations", null).expect(200);
            call(admin, "GET /api/works/{id}/evaluations", work + "/evaluations", null).expect(200);
            call(anyone, "GET /api/projects/{id}/evaluations", "/api/projects/" + projectId + "/evaluations", null)
                    .expect(200);
            call(admin, "GET /api/projects/{id}/evaluations", "/api/projects/" + projectId + "/evaluations", null)
                    .expect(200);
            var reason = Map.of("reason", "Off topic");
            call(admin, "POST /api/evaluations/{id}/hide", "/api/evaluations/" + evaluationId + "/hide", reason)
                    .expect(201);
            call(admin, "POST /api/evaluations/{id}/restore", "/api/evaluations/" + evaluationId + "/restore", reason)
                    .expect(201);
            call(resident, "DELETE /api/works/{id}/evaluation", work + "/evaluation", null).expect(204);
        }

        void presentationsAndMeetings(Client anyone, Client admin, Client resident, long projectId) {
            String projectPath = "/api/projects/" + projectId;
            long presentationId = json(call(admin, "POST /api/projects/{id}/presentations",
                    projectPath + "/presentations", Map.of("title", "Avond")), 201).get("id").asLong();
            String presentation = "/api/presentations/" + presentationId;
            call(anyone, "GET /api/projects/{id}/presentations", projectPath + "/presentations", null).expect(200);
            call(admin, "PATCH /api/presentations/{id}", presentation, Map.of("title", "Avond 2")).expect(200);
            var view = new LinkedHashMap<String, Object>();
            view.put("bbox", List.of(5.50, 52.50, 5.51, 52.51));
            view.put("layers", Map.of("proposals", Map.of()));
            long first = json(call(admin, "POST /api/presentations/{id}/slides", presentation + "/slides",
                    Map.of("title", "Eén", "text", "Wat we zagen", "view", view)), 201).get("id").asLong();
            long second = admin.post(presentation + "/slides", Map.of("title", "Twee", "view", view)).expect(201)
                    .json().get("id").asLong();
            var order = new ArrayList<Long>();
            admin.get(presentation).expect(200).json().get("slides").forEach(s -> order.add(0, s.get("id").asLong()));
            call(admin, "PUT /api/presentations/{id}/order", presentation + "/order", Map.of("slideIds", order))
                    .expect(200);
            call(admin, "PATCH /api/slides/{id}", "/api/slides/" + first, Map.of("title", "Eerste")).expect(200);
            call(anyone, "GET /api/presentations/{id}", presentation, null).expect(200);
            call(admin, "DELETE /api/slides/{id}", "/api/slides/" + second, null).expect(204);

            var meeting = json(call(admin, "POST /api/projects/{id}/meetings", projectPath + "/meetings",
                    Map.of("presentationId", presentationId)), 201);
            long meetingId = meeting.get("id").asLong();
            String base = "/api/meetings/" + meetingId;
            call(anyone, "GET /api/projects/{id}/meetings", projectPath + "/meetings", null).expect(200);
            call(anyone, "GET /api/meetings/{id}", base, null).expect(200);
            Client phone = server.anonymous();
            phone.useCsrfToken(json(call(phone, "POST /api/meetings/join", "/api/meetings/join",
                    Map.of("code", meeting.get("code").asText(), "displayName", "Telefoon")), 201)
                    .get("csrfToken").asText());
            long proposalId = resident.post(projectPath + "/proposals", proposal(INSIDE_POINT, "Zitplek"))
                    .expect(201).json().get("id").asLong();
            long question = json(call(admin, "POST /api/meetings/{id}/questions", base + "/questions",
                    Map.of("kind", "pin", "prompt", "Waar?")), 201).get("id").asLong();
            call(phone, "PUT /api/meetings/{id}/questions/{questionId}/answer",
                    base + "/questions/" + question + "/answer", Map.of("geometry", INSIDE_POINT)).expect(200);
            call(admin, "GET /api/meetings/{id}/live", base + "/live", null).expect(200);
            long answerId = admin.get(base + "/live").expect(200).json().get("question").get("pins").get(0)
                    .get("answerId").asLong();
            call(anyone, "GET /api/meetings/{id}/live", base + "/live?view=public", null).expect(200);
            contract.exchangeStream("GET /api/meetings/{id}/events", base + "/events");
            call(anyone, "GET /api/meetings/{id}/qr.svg", base + "/qr.svg", null).expect(200);
            call(phone, "POST /api/meetings/{id}/proposals/{proposalId}/comments",
                    base + "/proposals/" + proposalId + "/comments", Map.of("body", "Mooi")).expect(201);
            call(phone, "PUT /api/meetings/{id}/proposals/{proposalId}/support",
                    base + "/proposals/" + proposalId + "/support", Map.of()).expect(200);
            call(phone, "DELETE /api/meetings/{id}/proposals/{proposalId}/support",
                    base + "/proposals/" + proposalId + "/support", null).expect(200);
            call(admin, "POST /api/answers/{id}/hide", "/api/answers/" + answerId + "/hide",
                    Map.of("reason", "Rude")).expect(201);
            call(admin, "POST /api/answers/{id}/restore", "/api/answers/" + answerId + "/restore",
                    Map.of("reason", "Appeal")).expect(201);
            call(admin, "POST /api/meetings/{id}/questions/{questionId}/close",
                    base + "/questions/" + question + "/close", Map.of()).expect(204);
            call(admin, "POST /api/meetings/{id}/close", base + "/close", Map.of()).expect(200);
            call(anyone, "GET /api/meetings/{id}/record", base + "/record", null).expect(200);
            call(admin, "DELETE /api/presentations/{id}", presentation, null).expect(204);
        }

        /** A budget vote with a city-wide pot and a pot for the west buurt, an item, a review. */
        void budgets(Client anyone, Client admin, Client resident, long projectId, long setId) {
            String projectPath = "/api/projects/" + projectId;
            long westId = -1;
            for (JsonNode area : admin.get("/api/areas?set=" + setId).expect(200).json().get("features")) {
                westId = area.get("properties").get("name").asText().equals("West") ? area.get("id").asLong() : westId;
            }
            long admittedId = resident.post(projectPath + "/proposals", proposal(point(5.502, 52.505), "Speeltuin"))
                    .expect(201).json().get("id").asLong();
            long refusedId = resident.post(projectPath + "/proposals", proposal(point(5.508, 52.505), "Kabelbaan"))
                    .expect(201).json().get("id").asLong();
            var now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            var setUp = new LinkedHashMap<String, Object>();
            setUp.put("title", "Buurtbudget");
            setUp.put("description", "Wat doen we met het geld?");
            setUp.put("ballotType", "approval");
            setUp.put("minItems", 0);
            setUp.put("maxItems", 3);
            setUp.put("rule", "greedy");
            setUp.put("opensAt", now.plus(java.time.Duration.ofDays(1)).toString());
            setUp.put("closesAt", now.plus(java.time.Duration.ofDays(8)).toString());
            setUp.put("cityBudget", 50000);
            setUp.put("areaSetId", setId);
            setUp.put("areaBudgets", List.of(Map.of("areaId", westId, "budget", 20000)));
            var vote = json(call(admin, "POST /api/projects/{id}/votes", projectPath + "/votes", setUp), 201);
            String votePath = "/api/votes/" + vote.get("id").asLong();
            call(anyone, "GET /api/projects/{id}/votes", projectPath + "/votes", null).expect(200);
            call(anyone, "GET /api/votes/{id}", votePath, null).expect(200);
            call(admin, "PATCH /api/votes/{id}", votePath, Map.of("title", "Buurtbudget 2027")).expect(200);
            var item = json(call(admin, "POST /api/votes/{id}/items", votePath + "/items",
                    Map.of("proposalIds", List.of(admittedId), "cost", 12000, "reason", "Haalbaar")), 201);
            String itemPath = votePath + "/items/" + item.get("id").asLong();
            call(anyone, "GET /api/votes/{id}/items", votePath + "/items?potId="
                    + item.get("properties").get("potId").asLong(), null).expect(200);
            call(admin, "PATCH /api/votes/{id}/items/{itemId}", itemPath, Map.of("cost", 15000)).expect(200);
            call(admin, "PUT /api/votes/{id}/reviews/{proposalId}", votePath + "/reviews/" + refusedId,
                    Map.of("admitted", false, "reason", "Te duur voor een buurt")).expect(200);
            call(anyone, "GET /api/votes/{id}/reviews", votePath + "/reviews", null).expect(200);
            call(admin, "DELETE /api/votes/{id}/items/{itemId}", itemPath, null).expect(204);
        }

        /** Casting ballots on an open vote made by SQL (votes and items are made by routes of their own). */
        void ballots(Client anyone, Client admin, Client resident, long projectId, long setId) {
            var jdbi = nl.plein.db.Jdbis.create(server.dataSource);
            long voteId = jdbi.withHandle(h -> h.createQuery("INSERT INTO votes (project_id, title, ballot_type, rule, "
                    + "area_set_id, opens_at, closes_at) VALUES (:project, 'Begroting', 'knapsack', 'greedy', :set, "
                    + "now() - interval '1 hour', now() + interval '1 day') RETURNING id")
                    .bind("project", projectId).bind("set", setId).mapTo(Long.class).one());
            long cityPot = jdbi.withHandle(h -> h.createQuery("INSERT INTO vote_pots (vote_id, name, budget) "
                    + "VALUES (:vote, 'Stad', 100000) RETURNING id").bind("vote", voteId).mapTo(Long.class).one());
            long itemId = jdbi.withHandle(h -> h.createQuery("INSERT INTO ballot_items (vote_id, pot_id, title, cost, "
                    + "reason) VALUES (:vote, :pot, 'Bankjes', 20000, 'Haalbaar') RETURNING id").bind("vote", voteId)
                    .bind("pot", cityPot).mapTo(Long.class).one());
            String vote = "/api/votes/" + voteId;
            var choices = List.of(Map.of("itemId", itemId));
            call(resident, "GET /api/votes/{id}/ballot", vote + "/ballot", null).expect(204);
            call(resident, "GET /api/votes/{id}/ballot/pots", vote + "/ballot/pots", null).expect(200);
            call(resident, "PUT /api/votes/{id}/ballot", vote + "/ballot", Map.of("choices", choices)).expect(200);
            call(resident, "GET /api/votes/{id}/ballot", vote + "/ballot", null).expect(200);
            // The resident (no home area) voted online: city-wide letters would reach them, and are refused.
            var batch = new LinkedHashMap<String, Object>();
            batch.put("areaId", null);
            batch.put("size", 3);
            call(admin, "POST /api/votes/{id}/code-batches", vote + "/code-batches", batch).expect(409);
            // Nobody from an area of the set voted yet: its letters go out, and a resident of it confirms with one.
            long letteredArea = admin.get("/api/areas?set=" + setId).expect(200).json().get("features").get(0).get("id").asLong();
            batch.put("areaId", letteredArea);
            String[] csv = call(admin, "POST /api/votes/{id}/code-batches", vote + "/code-batches", batch).expect(201)
                    .body().split("\r\n");
            call(admin, "GET /api/votes/{id}/code-batches", vote + "/code-batches", null).expect(200);
            Client lettered = server.signedIn("lettered@contract.test", Role.RESIDENT);
            lettered.patch("/api/accounts/me", Map.of("homeAreaId", letteredArea)).expect(200);
            call(lettered, "GET /api/votes/{id}/ballot/pots", vote + "/ballot/pots", null).expect(200);
            call(lettered, "PUT /api/votes/{id}/ballot", vote + "/ballot",
                    Map.of("code", csv[3].split(",")[0], "choices", choices)).expect(200);
            call(anyone, "POST /api/votes/{id}/code-ballots", vote + "/code-ballots",
                    Map.of("code", csv[1].split(",")[0], "choices", choices)).expect(201);
            var paper = new LinkedHashMap<String, Object>();
            paper.put("areaId", letteredArea);
            paper.put("code", csv[2].split(",")[0]);
            paper.put("choices", choices);
            long paperId = json(call(admin, "POST /api/votes/{id}/paper-ballots", vote + "/paper-ballots", paper), 201)
                    .get("id").asLong();
            call(admin, "GET /api/votes/{id}/paper-ballots", vote + "/paper-ballots", null).expect(200);
            Client planner = server.signedIn("planner@contract.test", Role.PLANNER);
            call(planner, "POST /api/paper-ballots/{id}/confirm", "/api/paper-ballots/" + paperId + "/confirm", null)
                    .expect(201);
            // Without a code only from an area that got no letters.
            paper.remove("code");
            paper.put("areaId", admin.get("/api/areas?set=" + setId).expect(200).json().get("features").get(1).get("id").asLong());
            long rejected = admin.post(vote + "/paper-ballots", paper).expect(201).json().get("id").asLong();
            call(planner, "DELETE /api/paper-ballots/{id}", "/api/paper-ballots/" + rejected, null).expect(204);
        }

        /** A vote's results; the vote is made with SQL until the set-up and ballots routes are merged. */
        void voteResults(Client anyone, Client admin, long projectId) {
            var f = new ResultsFixtures(ResultsFixtures.jdbi(server.dataSource), projectId).areaSet("Stemwijken")
                    .vote("greedy", false).ballots();
            String vote = "/api/votes/" + f.voteId;
            call(admin, "POST /api/votes/{id}/close", vote + "/close", null).expect(200);
            call(anyone, "GET /api/votes/{id}/results", vote + "/results?rule=equal_shares", null).expect(200);
            call(anyone, "GET /api/votes/{id}/results/compare", vote + "/results/compare?areaSetId=" + f.setId, null)
                    .expect(200);
            call(anyone, "GET /api/votes/{id}/results/items", vote + "/results/items", null).expect(200);
            call(admin, "GET /api/votes/{id}/money", vote + "/money?areaSetId=" + f.setId, null).expect(200);
            call(anyone, "GET /api/votes/{id}/money", vote + "/money", null).expect(200);
            String pb = call(admin, "GET /api/votes/{id}/pabulib", vote + "/pabulib?potId=" + f.cityPot, null).expect(200)
                    .body();
            contract.exchangeText(admin, "POST /api/projects/{id}/votes/pabulib", "/api/projects/" + projectId
                    + "/votes/pabulib", "text/plain; charset=utf-8", pb).expect(201);
        }

        /** A work of an accepted proposal: made, read, counted, changed, stepped, its step's note hidden and shown. */
        void works(Client anyone, Client admin, Client resident, long projectId) {
            String projectPath = "/api/projects/" + projectId;
            long proposalId = resident.post(projectPath + "/proposals", proposal(point(5.503, 52.503), "Plantsoen"))
                    .expect(201).json().get("id").asLong();
            for (String status : List.of("under_consideration", "accepted")) {
                admin.post("/api/proposals/" + proposalId + "/decisions", Map.of("status", status, "reason", "Ja"))
                        .expect(201);
            }
            var body = new LinkedHashMap<String, Object>();
            body.put("proposalId", proposalId);
            body.put("team", "Groen");
            body.put("plannedStart", "2027-01-01");
            body.put("plannedEnd", "2027-06-30");
            body.put("budget", 30000);
            long workId = json(call(admin, "POST /api/projects/{id}/works", projectPath + "/works", body), 201)
                    .get("id").asLong();
            String work = "/api/works/" + workId;
            call(anyone, "GET /api/projects/{id}/works", projectPath + "/works", null).expect(200);
            call(anyone, "GET /api/projects/{id}/works/figures", projectPath + "/works/figures", null).expect(200);
            call(admin, "PATCH /api/works/{id}", work, Map.of("spent", 1200, "asBuilt", point(5.5035, 52.503)))
                    .expect(200);
            long stepId = json(call(admin, "POST /api/works/{id}/steps", work + "/steps",
                    Map.of("step", "design", "onDate", "2027-01-10", "note", "Ontwerp")), 201).get("steps").get(0)
                    .get("id").asLong();
            call(admin, "POST /api/work-steps/{id}/hide", "/api/work-steps/" + stepId + "/hide",
                    Map.of("reason", "Persoonsgegevens")).expect(201);
            call(anyone, "GET /api/works/{id}", work, null).expect(200);
            call(admin, "POST /api/work-steps/{id}/restore", "/api/work-steps/" + stepId + "/restore",
                    Map.of("reason", "Toch niet")).expect(201);
        }

        /** Series of rounds, lessons learned and the learning report (after a vote is counted, so it shows turnout). */
        void learning(Client anyone, Client admin, long projectId) {
            String projectPath = "/api/projects/" + projectId;
            long seriesId = json(call(admin, "POST /api/series", "/api/series", Map.of("name", "Rondes")), 201)
                    .get("id").asLong();
            call(anyone, "GET /api/series/{id}", "/api/series/" + seriesId, null).expect(200);
            call(anyone, "GET /api/series", "/api/series", null).expect(200);
            call(admin, "PUT /api/projects/{id}/series", projectPath + "/series",
                    Map.of("seriesId", seriesId, "label", "2026", "position", 2026)).expect(200);
            long lessonId = json(call(admin, "POST /api/projects/{id}/lessons", projectPath + "/lessons",
                    Map.of("text", "Vaker op straat")), 201).get("id").asLong();
            call(admin, "PATCH /api/lessons/{id}", "/api/lessons/" + lessonId, Map.of("text", "Vaker de straat op"))
                    .expect(200);
            call(anyone, "GET /api/projects/{id}/lessons", projectPath + "/lessons", null).expect(200);
            call(anyone, "GET /api/projects/{id}/learning", projectPath + "/learning", null).expect(200);
            call(admin, "DELETE /api/lessons/{id}", "/api/lessons/" + lessonId, null).expect(204);
            call(admin, "DELETE /api/projects/{id}/series", projectPath + "/series", null).expect(204);
        }

        /** Following a proposal and a project, the news that follows, read marks and the e-mail choice. */
        void following(Client admin, Client resident, Client neighbour, long projectId) {
            long proposalId = resident.post("/api/projects/" + projectId + "/proposals",
                    proposal(INSIDE_POINT, "Volgen")).expect(201).json().get("id").asLong();
            String path = "/api/following/proposal/" + proposalId;
            call(neighbour, "PUT /api/following/{kind}/{id}", path, null).expect(200);
            call(neighbour, "GET /api/following/{kind}/{id}", path, null).expect(200);
            call(neighbour, "PUT /api/following/{kind}/{id}", "/api/following/project/" + projectId, null).expect(200);
            admin.post("/api/proposals/" + proposalId + "/decisions",
                    Map.of("status", "under_consideration", "reason", "We kijken ernaar")).expect(201);
            long newest = json(call(neighbour, "GET /api/following", "/api/following?limit=1", null), 200)
                    .get("notifications").get(0).get("id").asLong();
            call(neighbour, "GET /api/following/unread", "/api/following/unread", null).expect(200);
            call(neighbour, "POST /api/following/read", "/api/following/read", Map.of("upTo", newest)).expect(200);
            call(neighbour, "PATCH /api/following/email", "/api/following/email",
                    Map.of("enabled", false, "language", "en")).expect(200);
            call(neighbour, "DELETE /api/following/{kind}/{id}", path, null).expect(200);
        }

        /** Two CBS buurten over the test project's square, split at lon 5.505. */
        private static Map<String, Object> buurten() {
            return Map.of("type", "FeatureCollection", "features", List.of(
                    buurt("BU0001", "West", 5.50, 5.505), buurt("BU0002", "Oost", 5.505, 5.51)));
        }

        private static Map<String, Object> buurt(String code, String name, double west, double east) {
            return feature(polygon(west, 52.50, east, 52.50, east, 52.51, west, 52.51, west, 52.50),
                    Map.of("buurtcode", code, "buurtnaam", name, "aantal_inwoners", 1000, "wijkcode", "WK0001"));
        }
    }
}
