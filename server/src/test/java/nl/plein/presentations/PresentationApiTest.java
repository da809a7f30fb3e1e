package nl.plein.presentations;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Presentations over real HTTP on a real PostGIS: planners compose, reorder and delete; anyone
 * reads; residents and anonymous visitors cannot write; every refusal of a saved map view names
 * its field; concurrent appends and reorders keep positions 1..n.
 */
class PresentationApiTest {
    static TestServer server;
    static Jdbi jdbi;
    static Client planner;
    static Client resident;
    static long projectId;
    static long otherProjectId;
    static long proposalId;
    static long otherProposalId;
    static long secondProposalId;
    static long hiddenProposalId;
    static long setId;

    static final List<Double> BBOX = List.of(5.50, 52.50, 5.51, 52.51);

    @BeforeAll
    static void start() {
        server = TestServer.start();
        jdbi = Jdbis.create(server.dataSource);
        Client admin = server.signedIn("admin@presentations.test", Role.ADMIN);
        planner = server.signedIn("planner@presentations.test", Role.PLANNER);
        resident = server.signedIn("resident@presentations.test", Role.RESIDENT);
        projectId = admin.post("/api/projects", project("Havenkwartier", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        otherProjectId = admin.post("/api/projects", project("Elders", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        proposalId = resident.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, "Bankjes"))
                .expect(201).json().get("id").asLong();
        otherProposalId = resident.post("/api/projects/" + otherProjectId + "/proposals",
                proposal(INSIDE_POINT, "Elders")).expect(201).json().get("id").asLong();
        secondProposalId = resident.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, "Bomen"))
                .expect(201).json().get("id").asLong();
        hiddenProposalId = resident.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, "Verborgen"))
                .expect(201).json().get("id").asLong();
        jdbi.useTransaction(h -> h.createUpdate("UPDATE proposals SET hidden = true WHERE id = :id")
                .bind("id", hiddenProposalId).execute());
        setId = jdbi.inTransaction(h -> h.createQuery("INSERT INTO area_sets (name) VALUES ('Wijken') RETURNING id")
                .mapTo(Long.class).one());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Map<String, Object> view(Map<String, Object> layers) {
        var view = new LinkedHashMap<String, Object>();
        view.put("bbox", BBOX);
        view.put("layers", layers);
        return view;
    }

    static Map<String, Object> slide(String title, Map<String, Object> view) {
        return Map.of("title", title, "text", "Wat bewoners zagen", "view", view);
    }

    static long newPresentation(String title) {
        return planner.post("/api/projects/" + projectId + "/presentations", Map.of("title", title)).expect(201)
                .json().get("id").asLong();
    }

    static long addSlide(long presentationId, String title) {
        return planner.post("/api/presentations/" + presentationId + "/slides",
                slide(title, view(Map.of("proposals", Map.of())))).expect(201).json().get("id").asLong();
    }

    static List<String> titles(long presentationId) {
        var titles = new ArrayList<String>();
        int position = 1;
        for (JsonNode s : server.anonymous().get("/api/presentations/" + presentationId).expect(200).json().get("slides")) {
            assertEquals(position++, s.get("position").asInt(), "positions run 1..n");
            titles.add(s.get("title").asText());
        }
        return titles;
    }

    @Test
    void aPlannerCreatesListsRenamesAndDeletesAPresentation() {
        long id = newPresentation("Raadsavond maart");
        JsonNode list = server.anonymous().get("/api/projects/" + projectId + "/presentations").expect(200).json();
        boolean listed = false;
        for (JsonNode p : list.get("presentations")) {
            listed |= p.get("id").asLong() == id && p.get("title").asText().equals("Raadsavond maart")
                    && p.get("slideCount").asInt() == 0;
        }
        assertTrue(listed, "listed for anyone: " + list);

        JsonNode renamed = planner.patch("/api/presentations/" + id, Map.of("title", "Raadsavond april")).expect(200).json();
        assertEquals("Raadsavond april", renamed.get("title").asText());
        assertEquals(projectId, renamed.get("projectId").asLong());
        assertEquals(0, renamed.get("slides").size());

        addSlide(id, "Een");
        planner.delete("/api/presentations/" + id).expect(204);
        server.anonymous().get("/api/presentations/" + id).expect(404);
        long orphans = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM slides WHERE presentation_id = :id")
                .bind("id", id).mapTo(Long.class).one());
        assertEquals(0, orphans, "slides go with their presentation");
        planner.delete("/api/presentations/" + id).expect(404);
        planner.post("/api/projects/999999/presentations", Map.of("title", "Nergens")).expect(404);
    }

    @Test
    void slidesAreAppendedEditedAndDeletedAndKeepTheirViewWithDefaultsWrittenOut() {
        long id = newPresentation("Opbouw");
        var layers = new LinkedHashMap<String, Object>();
        layers.put("proposals", Map.of("statuses", List.of("published", "accepted")));
        layers.put("chosen", Map.of("proposalIds", List.of(proposalId), "variants", true));
        layers.put("clusters", Map.of("eps", 80));
        layers.put("hotspots", Map.of("size", 150));
        layers.put("participation", Map.of("set", setId));
        JsonNode first = planner.post("/api/presentations/" + id + "/slides", slide("Alles", view(layers)))
                .expect(201).json();
        assertEquals(1, first.get("position").asInt());
        JsonNode v = first.get("view");
        assertFalse(v.get("basemap").asBoolean(), "no basemap unless asked");
        assertEquals(80, v.get("layers").get("clusters").get("eps").asInt());
        assertEquals(5, v.get("layers").get("clusters").get("minPoints").asInt(), "the default is stored");
        assertEquals(List.of("published", "accepted"),
                List.of(v.get("layers").get("proposals").get("statuses").get(0).asText(),
                        v.get("layers").get("proposals").get("statuses").get(1).asText()));
        assertEquals(proposalId, v.get("layers").get("chosen").get("proposalIds").get(0).asLong());
        assertEquals(setId, v.get("layers").get("participation").get("set").asLong());

        long second = addSlide(id, "Twee");
        JsonNode all = planner.post("/api/presentations/" + id + "/slides",
                slide("Drie", view(Map.of("proposals", Map.of())))).expect(201).json();
        assertEquals(3, all.get("position").asInt());
        assertEquals(5, all.get("view").get("layers").get("proposals").get("statuses").size(),
                "all public statuses by default, never submitted");

        JsonNode edited = planner.patch("/api/slides/" + second, Map.of("title", "Twee (nieuw)", "text", "")).expect(200)
                .json();
        assertEquals("Twee (nieuw)", edited.get("title").asText());
        assertEquals("", edited.get("text").asText());
        assertEquals("proposals", edited.get("view").get("layers").fieldNames().next(), "the view stays");

        planner.delete("/api/slides/" + second).expect(204);
        assertEquals(List.of("Alles", "Drie"), titles(id), "the gap is closed");
        planner.delete("/api/slides/" + second).expect(404);
    }

    @Test
    void slidesAreReorderedAndAWrongSetOfIdsChangesNothing() {
        long id = newPresentation("Volgorde");
        long a = addSlide(id, "A");
        long b = addSlide(id, "B");
        long c = addSlide(id, "C");
        JsonNode reordered = planner.put("/api/presentations/" + id + "/order", Map.of("slideIds", List.of(c, a, b)))
                .expect(200).json();
        assertEquals("C", reordered.get("slides").get(0).get("title").asText());
        assertEquals(List.of("C", "A", "B"), titles(id));

        long foreign = addSlide(newPresentation("Andere"), "X");
        planner.put("/api/presentations/" + id + "/order", Map.of("slideIds", List.of(a, b))).expect(409);
        planner.put("/api/presentations/" + id + "/order", Map.of("slideIds", List.of(a, b, c, foreign))).expect(409);
        planner.put("/api/presentations/" + id + "/order", Map.of("slideIds", List.of(a, b, foreign))).expect(409);
        JsonNode twice = planner.put("/api/presentations/" + id + "/order", Map.of("slideIds", List.of(a, a, b)))
                .expect(400).json();
        assertEquals("slideIds[1]", twice.get("errors").get(0).get("field").asText());
        planner.put("/api/presentations/" + id + "/order", Map.of("slideIds", "a,b,c")).expect(400);
        assertEquals(List.of("C", "A", "B"), titles(id), "nothing changed");
        assertEquals(List.of("X"), titles(slidePresentation(foreign)), "the other presentation is untouched");
    }

    private static long slidePresentation(long slideId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT presentation_id FROM slides WHERE id = :id")
                .bind("id", slideId).mapTo(Long.class).one());
    }

    @Test
    void concurrentAppendsAndReordersKeepPositionsOneToN() throws Exception {
        long id = newPresentation("Drukte");
        for (int i = 0; i < 4; i++) {
            addSlide(id, "Begin " + i);
        }
        var pool = Executors.newFixedThreadPool(6);
        try {
            var futures = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    if (n % 2 == 0) {
                        return planner.post("/api/presentations/" + id + "/slides",
                                slide("Erbij " + n, view(Map.of("proposals", Map.of())))).status();
                    }
                    var ids = new ArrayList<Long>();
                    for (JsonNode s : server.anonymous().get("/api/presentations/" + id).json().get("slides")) {
                        ids.add(s.get("id").asLong());
                    }
                    java.util.Collections.reverse(ids);
                    return planner.put("/api/presentations/" + id + "/order", Map.of("slideIds", ids)).status();
                }));
            }
            for (var f : futures) {
                int status = f.get();
                assertTrue(status == 200 || status == 201 || status == 409, "status " + status);
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(10, titles(id).size(), "every append landed, positions 1..n (checked in titles)");
    }

    @Test
    void everyRefusalOfASlideNamesItsField() {
        long id = newPresentation("Fouten");
        String path = "/api/presentations/" + id + "/slides";
        var cases = new LinkedHashMap<String, Object>();
        cases.put("view", null);
        cases.put("view.bbox", Map.of("layers", Map.of("proposals", Map.of())));
        cases.put("view.bbox[2]", Map.of("bbox", List.of(5.5, 52.5, 181, 52.6), "layers", Map.of("proposals", Map.of())));
        cases.put("view.bbox[1]", Map.of("bbox", List.of(5.5, "52.5", 5.6, 52.6), "layers", Map.of("proposals", Map.of())));
        cases.put("view.layers", view(Map.of()));
        cases.put("view.zoom", Map.of("bbox", BBOX, "zoom", 3, "layers", Map.of("proposals", Map.of())));
        cases.put("view.basemap", Map.of("bbox", BBOX, "basemap", "yes", "layers", Map.of("proposals", Map.of())));
        cases.put("view.layers.heat", view(Map.of("heat", Map.of())));
        cases.put("view.layers.clusters.eps", view(Map.of("clusters", Map.of("eps", 0))));
        cases.put("view.layers.clusters.minPoints", view(Map.of("clusters", Map.of("minPoints", 2.5))));
        cases.put("view.layers.clusters.radius", view(Map.of("clusters", Map.of("radius", 5))));
        cases.put("view.layers.hotspots.size", view(Map.of("hotspots", Map.of("size", 20000))));
        cases.put("view.layers.proposals.statuses[0]", view(Map.of("proposals", Map.of("statuses", List.of("submitted")))));
        cases.put("view.layers.proposals.statuses[1]",
                view(Map.of("proposals", Map.of("statuses", List.of("accepted", "maybe")))));
        cases.put("view.layers.chosen.proposalIds", view(Map.of("chosen", Map.of("proposalIds", List.of()))));
        cases.put("view.layers.chosen.proposalIds[0]",
                view(Map.of("chosen", Map.of("proposalIds", List.of(otherProposalId)))));
        cases.put("view.layers.chosen.proposalIds[1]",
                view(Map.of("chosen", Map.of("proposalIds", List.of(proposalId, -4)))));
        cases.put("view.layers.chosen.proposalIds[2]",
                view(Map.of("chosen", Map.of("proposalIds", List.of(proposalId, secondProposalId, hiddenProposalId)))));
        cases.put("view.layers.chosen.variants",
                view(Map.of("chosen", Map.of("proposalIds", List.of(proposalId), "variants", 1))));
        cases.put("view.layers.participation.set", view(Map.of("participation", Map.of("set", 987654))));
        for (var entry : cases.entrySet()) {
            var body = new LinkedHashMap<String, Object>();
            body.put("title", "Dia");
            body.put("view", entry.getValue());
            JsonNode problem = planner.post(path, body).expect(400).json();
            assertEquals(entry.getKey(), problem.get("errors").get(0).get("field").asText(), problem.toString());
            assertTrue(problem.get("type").asText().endsWith("/invalid-input"), problem.toString());
        }
        assertEquals("title", planner.post(path, Map.of("text", "", "view", view(Map.of("proposals", Map.of()))))
                .expect(400).json().get("errors").get(0).get("field").asText());
        assertEquals("text", planner.post(path, Map.of("title", "Dia", "text", "x".repeat(601),
                "view", view(Map.of("proposals", Map.of())))).expect(400).json().get("errors").get(0).get("field").asText());
        assertEquals("colour", planner.post(path, Map.of("title", "Dia", "colour", "red",
                "view", view(Map.of("proposals", Map.of())))).expect(400).json().get("errors").get(0).get("field").asText());
        long slideId = addSlide(id, "Goed");
        assertEquals("view.layers.hotspots.size", planner.patch("/api/slides/" + slideId,
                Map.of("view", view(Map.of("hotspots", Map.of("size", 0))))).expect(400).json()
                .get("errors").get(0).get("field").asText());
        assertEquals(List.of("Goed"), titles(id), "no refused slide was stored");
    }

    @Test
    void residentsAndAnonymousVisitorsCannotWriteButMayRead() {
        long id = newPresentation("Alleen lezen");
        long slideId = addSlide(id, "Dia");
        Client anonymous = server.anonymous();
        for (Client someone : List.of(resident, anonymous)) {
            int expected = someone == resident ? 403 : 401;
            someone.post("/api/projects/" + projectId + "/presentations", Map.of("title", "Nee")).expect(expected);
            someone.patch("/api/presentations/" + id, Map.of("title", "Nee")).expect(expected);
            someone.post("/api/presentations/" + id + "/slides", slide("Nee", view(Map.of("proposals", Map.of()))))
                    .expect(expected);
            someone.put("/api/presentations/" + id + "/order", Map.of("slideIds", List.of(slideId))).expect(expected);
            someone.patch("/api/slides/" + slideId, Map.of("title", "Nee")).expect(expected);
            someone.delete("/api/slides/" + slideId).expect(expected);
            someone.delete("/api/presentations/" + id).expect(expected);
            someone.get("/api/presentations/" + id).expect(200);
            someone.get("/api/projects/" + projectId + "/presentations").expect(200);
        }
        assertEquals(List.of("Dia"), titles(id));
        assertEquals("Alleen lezen", anonymous.get("/api/presentations/" + id).json().get("title").asText());
    }

    @Test
    void hostileTextIsStoredAsIs() {
        String hostile = "<img src=x onerror=alert(1)> & \"quotes\" '</script>";
        long id = planner.post("/api/projects/" + projectId + "/presentations", Map.of("title", hostile)).expect(201)
                .json().get("id").asLong();
        planner.post("/api/presentations/" + id + "/slides", Map.of("title", hostile, "text", hostile,
                "view", view(Map.of("proposals", Map.of())))).expect(201);
        JsonNode got = server.anonymous().get("/api/presentations/" + id).expect(200).json();
        assertEquals(hostile, got.get("title").asText());
        assertEquals(hostile, got.get("slides").get(0).get("title").asText());
        assertEquals(hostile, got.get("slides").get(0).get("text").asText());
    }
}
