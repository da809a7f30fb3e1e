package nl.plein.proposals;

import static nl.plein.support.Fixtures.CYCLE_ROUTE;
import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.PLAYGROUND;
import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProposalApiTest {
    static TestServer server;
    static Client admin;
    static Client planner;
    static Client anna;
    static Client bram;
    static long projectId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.signedIn("admin@test.example", Role.ADMIN);
        planner = server.signedIn("planner@test.example", Role.PLANNER);
        anna = server.signedIn("anna@test.example", Role.RESIDENT);
        bram = server.signedIn("bram@test.example", Role.RESIDENT);
        projectId = admin.post("/api/projects", project("Marktplein", List.of("point", "line", "polygon"), false))
                .expect(201).json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long create(Client who, Object geometry, String title) {
        return who.post("/api/projects/" + projectId + "/proposals", proposal(geometry, title))
                .expect(201).json().get("id").asLong();
    }

    @Test
    void aResidentDrawsAPointALineAndAnAreaAndGetsRfc7946GeoJsonBack() {
        for (var geometry : List.of(INSIDE_POINT, CYCLE_ROUTE, PLAYGROUND)) {
            var response = anna.post("/api/projects/" + projectId + "/proposals", proposal(geometry, "Idea"))
                    .expect(201);
            assertTrue(response.header("Content-Type").startsWith("application/geo+json"));
            JsonNode feature = response.json();
            assertEquals("Feature", feature.get("type").asText());
            assertFalse(feature.has("crs"), "RFC 7946 has no crs member");
            assertEquals(geometry.get("type"), feature.get("geometry").get("type").asText());
            assertEquals("published", feature.get("properties").get("status").asText());
            var read = anna.get("/api/proposals/" + feature.get("id").asLong()).expect(200).json();
            assertEquals(feature.get("geometry"), read.get("geometry"));
            assertEquals(2, read.get("properties").get("decisions").size(), "submitted and published");
        }
        long pointId = anna.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, "Where"))
                .expect(201).json().get("id").asLong();
        JsonNode first = null;
        for (JsonNode f : anna.get("/api/proposals?project=" + projectId + "&limit=1000").json().get("features")) {
            if (f.get("id").asLong() == pointId) {
                first = f.get("geometry").get("coordinates");
            }
        }
        assertEquals(5.505, first.get(0).asDouble(), 1e-9, "longitude first");
        assertEquals(52.505, first.get(1).asDouble(), 1e-9, "latitude second");
    }

    @Test
    void textTravelsAsUtf8WhateverItsScript() throws Exception {
        String title = "Ideeën voor het plein — Zoë’s bankje 🌳 ŁÓDŹ";
        long id = create(anna, INSIDE_POINT, title);
        for (String path : List.of("/api/proposals/" + id, "/api/proposals?project=" + projectId + "&q=Zo%C3%AB")) {
            var response = anna.get(path).expect(200);
            assertTrue(response.body().contains(title), path + ": " + response.body());
        }
        var problem = anna.post("/api/projects/" + projectId + "/proposals",
                feature(INSIDE_POINT, Map.of("title", "x", "catégorie", "y"))).expect(400);
        assertTrue(problem.body().contains("properties.catégorie"), problem.body());
        var session = anna.patch("/api/accounts/me", Map.of("displayName", "Zoë")).expect(200);
        assertTrue(session.body().contains("Zoë"), session.body());
    }

    @Test
    void listsFilterByBboxCategoryStatusAndTextAndPageWithACursor() {
        long east = create(bram, point(5.509, 52.509), "Bankje bij de vijver");
        long west = create(bram, point(5.501, 52.501), "Boom aan de westkant");
        var inEast = anna.get("/api/proposals?project=" + projectId + "&bbox=5.508,52.508,5.51,52.51&limit=1000")
                .expect(200).json().get("features");
        var ids = new HashSet<Long>();
        inEast.forEach(f -> ids.add(f.get("id").asLong()));
        assertTrue(ids.contains(east));
        assertFalse(ids.contains(west));

        var text = anna.get("/api/proposals?project=" + projectId + "&q=vijver").expect(200).json().get("features");
        assertEquals(1, text.size());
        assertEquals(east, text.get(0).get("id").asLong());

        planner.post("/api/proposals/" + west + "/decisions", Map.of("status", "under_consideration",
                "reason", "We look at trees this spring")).expect(201);
        var considered = anna.get("/api/proposals?project=" + projectId + "&status=under_consideration")
                .expect(200).json().get("features");
        assertEquals(1, considered.size());
        assertEquals(west, considered.get(0).get("id").asLong());
        assertEquals(0, anna.get("/api/proposals?project=" + projectId + "&category=traffic")
                .json().get("features").size());

        for (int i = 0; i < 7; i++) {
            create(bram, point(5.5001 + i * 0.0001, 52.5001), "Paged " + i);
        }
        var seen = new HashSet<Long>();
        String next = "/api/proposals?project=" + projectId + "&limit=3";
        int pages = 0;
        while (next != null) {
            JsonNode page = anna.get(next).expect(200).json();
            page.get("features").forEach(f -> assertTrue(seen.add(f.get("id").asLong()), "no duplicates"));
            next = null;
            for (JsonNode link : page.get("links")) {
                if (link.get("rel").asText().equals("next")) {
                    next = link.get("href").asText().substring(server.baseUrl.length());
                }
            }
            pages++;
        }
        int total = anna.get("/api/proposals?project=" + projectId + "&limit=1000").json().get("features").size();
        assertEquals(total, seen.size());
        assertTrue(pages >= 3);
    }

    @Test
    void aResidentCannotEditAnothersProposalNorSetItsStatus() {
        long id = create(anna, INSIDE_POINT, "Anna's idea");
        bram.patch("/api/proposals/" + id, feature(null, Map.of("title", "Bram's now"))).expect(403);
        bram.delete("/api/proposals/" + id).expect(403);
        anna.post("/api/proposals/" + id + "/decisions", Map.of("status", "accepted", "reason", "I like it"))
                .expect(403);
        server.anonymous().patch("/api/proposals/" + id, feature(null, Map.of("title", "x"))).expect(401);
        assertEquals("Anna's idea", anna.get("/api/proposals/" + id).json().get("properties").get("title").asText());
        assertEquals("published", anna.get("/api/proposals/" + id).json().get("properties").get("status").asText());

        var edited = anna.patch("/api/proposals/" + id, feature(CYCLE_ROUTE, Map.of("title", "A route")))
                .expect(200).json();
        assertEquals("A route", edited.get("properties").get("title").asText());
        assertEquals("LineString", edited.get("geometry").get("type").asText());
    }

    @Test
    void everyDecisionFollowsTheLifecycleAndCarriesItsReason() {
        long id = create(anna, INSIDE_POINT, "Fountain");
        planner.post("/api/proposals/" + id + "/decisions", Map.of("status", "realised", "reason", "skip"))
                .expect(409);
        planner.post("/api/proposals/" + id + "/decisions", Map.of("status", "under_consideration")).expect(400);
        planner.post("/api/proposals/" + id + "/decisions",
                Map.of("status", "under_consideration", "reason", "Budget check")).expect(201);
        planner.post("/api/proposals/" + id + "/decisions",
                Map.of("status", "accepted", "reason", "Fits the plan")).expect(201);
        var done = planner.post("/api/proposals/" + id + "/decisions",
                Map.of("status", "realised", "reason", "Built in May")).expect(201).json();
        var decisions = anna.get("/api/proposals/" + id).json().get("properties").get("decisions");
        assertEquals(5, decisions.size());
        assertEquals("Built in May", decisions.get(4).get("reason").asText());
        assertEquals("realised", done.get("properties").get("status").asText());
        anna.patch("/api/proposals/" + id, feature(null, Map.of("title", "Too late"))).expect(409);
    }

    @Test
    void theNeighbourhoodAProposalLiesInIsDerivedFromTheBoundaries() {
        long area = Jdbis.create(server.dataSource).inTransaction(h -> {
            long set = h.createQuery("INSERT INTO area_sets (name) VALUES ('Buurten') RETURNING id")
                    .mapTo(Long.class).one();
            return h.createQuery("INSERT INTO areas (area_set_id, code, name, geom) VALUES (:set, 'BU2', 'Oost', "
                    + "ST_Multi(ST_MakeEnvelope(5.505, 52.50, 5.51, 52.51, 4326))) RETURNING id")
                    .bind("set", set).mapTo(Long.class).one();
        });
        var inside = anna.post("/api/projects/" + projectId + "/proposals", proposal(point(5.508, 52.505), "Oost"))
                .expect(201).json();
        assertEquals(area, inside.get("properties").get("areaId").asLong());
        var outside = anna.post("/api/projects/" + projectId + "/proposals", proposal(point(5.501, 52.505), "West"))
                .expect(201).json();
        assertFalse(outside.get("properties").has("areaId"));
        var moved = anna.patch("/api/proposals/" + outside.get("id").asLong(),
                feature(point(5.509, 52.509), Map.of())).expect(200).json();
        assertEquals(area, moved.get("properties").get("areaId").asLong());
    }

    @Test
    void aWithdrawnProposalDisappearsForEveryoneButStaff() {
        long id = create(anna, INSIDE_POINT, "Withdraw me");
        anna.delete("/api/proposals/" + id).expect(204);
        bram.get("/api/proposals/" + id).expect(404);
        anna.get("/api/proposals/" + id).expect(404);
        assertTrue(planner.get("/api/proposals/" + id).expect(200).json().get("properties").get("withdrawn").asBoolean());
        var list = bram.get("/api/proposals?project=" + projectId + "&limit=1000").json().get("features");
        list.forEach(f -> assertFalse(f.get("id").asLong() == id));
        assertNull(list.size() == 0 ? null : list.get(0).get("properties").get("withdrawn"));
    }

    @Test
    void premoderatedProposalsWaitUntilAModeratorPublishesThem() {
        long held = admin.post("/api/projects", project("Held", List.of("point"), true)).expect(201).json()
                .get("id").asLong();
        var moderator = server.signedIn("mod@test.example", Role.MODERATOR);
        long id = anna.post("/api/projects/" + held + "/proposals", proposal(INSIDE_POINT, "Wait"))
                .expect(201).json().get("id").asLong();
        assertEquals("submitted", anna.get("/api/proposals/" + id).expect(200).json()
                .get("properties").get("status").asText());
        bram.get("/api/proposals/" + id).expect(404);
        anna.post("/api/proposals/" + id + "/publish", Map.of("reason", "please")).expect(403);
        moderator.post("/api/proposals/" + id + "/publish", Map.of("reason", "Civil and on topic")).expect(201);
        assertEquals("published", bram.get("/api/proposals/" + id).expect(200).json()
                .get("properties").get("status").asText());
    }
}
