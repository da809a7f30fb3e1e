package nl.plein.variants;

import static nl.plein.support.Fixtures.CYCLE_ROUTE;
import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.PLAYGROUND;
import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.line;
import static nl.plein.support.Fixtures.polygon;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Co-design beyond pins: variants linked to their original, and comments that point at a part. */
class CoDesignTest {
    static TestServer server;
    static Client anna;
    static Client bram;
    static long projectId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        var admin = server.signedIn("admin@test.example", Role.ADMIN);
        anna = server.signedIn("anna@test.example", Role.RESIDENT);
        bram = server.signedIn("bram@test.example", Role.RESIDENT);
        projectId = admin.post("/api/projects", project("P", List.of("point", "line", "polygon"), false))
                .expect(201).json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aVariantStaysLinkedToItsOriginalAndTheTwoCanBeCompared() {
        long original = anna.post("/api/projects/" + projectId + "/proposals", proposal(PLAYGROUND, "Speeltuin"))
                .expect(201).json().get("id").asLong();
        var moved = polygon(5.5025, 52.502, 5.5035, 52.502, 5.5035, 52.503, 5.5025, 52.503, 5.5025, 52.502);
        anna.post("/api/proposals/" + original + "/variants", feature(moved, Map.of("title", "Mine"))).expect(409);
        var variant = bram.post("/api/proposals/" + original + "/variants",
                feature(moved, Map.of("title", "Iets naar het oosten", "description", "Meer zon"))).expect(201).json();
        assertEquals(original, variant.get("properties").get("proposalId").asLong());
        long id = variant.get("id").asLong();

        var comparison = anna.get("/api/variants/" + id + "/comparison").expect(200).json();
        assertEquals("original", comparison.get("features").get(0).get("properties").get("role").asText());
        assertEquals("variant", comparison.get("features").get(1).get("properties").get("role").asText());
        double share = comparison.get("comparison").get("sharedAreaShare").asDouble();
        assertEquals(1.0 / 3.0, share, 0.01, "half of each square overlaps: 1/3 of the union");
        double area = comparison.get("features").get(0).get("properties").get("areaM2").asDouble();
        assertEquals(68.0 * 111.3, area, 200, "0.001° × 0.001° at 52.5° N is about 68 m × 111 m");

        assertEquals(1, anna.get("/api/proposals/" + original + "/variants").json().get("features").size());
        assertEquals(1, anna.get("/api/proposals/" + original).json().get("properties").get("variantCount").asInt());
        anna.patch("/api/variants/" + id, feature(null, Map.of("title", "Not mine"))).expect(403);
        bram.patch("/api/variants/" + id, feature(null, Map.of("title", "Toch iets westelijker"))).expect(200);
        bram.delete("/api/variants/" + id).expect(204);
        anna.get("/api/variants/" + id).expect(404);
    }

    @Test
    void commentsAreThreadedAndMayPointAtPartOfADrawing() {
        long route = anna.post("/api/projects/" + projectId + "/proposals", proposal(CYCLE_ROUTE, "Fietsroute"))
                .expect(201).json().get("id").asLong();
        var pointer = line(5.503, 52.504, 5.5035, 52.5045);
        var top = bram.post("/api/proposals/" + route + "/comments",
                feature(pointer, Map.of("body", "Leg dit stuk langs de vaart"))).expect(201).json();
        assertEquals("LineString", top.get("geometry").get("type").asText());
        long reply = anna.post("/api/proposals/" + route + "/comments",
                feature(null, Map.of("body", "Goed idee", "parentId", top.get("id").asLong()))).expect(201)
                .json().get("id").asLong();
        var thread = bram.get("/api/proposals/" + route + "/comments").expect(200).json().get("features");
        assertEquals(2, thread.size());
        assertEquals(top.get("id").asLong(), thread.get(1).get("properties").get("parentId").asLong());
        assertTrue(thread.get(1).get("geometry").isNull());

        long other = anna.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, "Other"))
                .expect(201).json().get("id").asLong();
        assertEquals("properties.parentId", bram.post("/api/proposals/" + other + "/comments",
                feature(null, Map.of("body", "x", "parentId", reply))).expect(400).json().get("errors").get(0)
                .get("field").asText());
        bram.patch("/api/comments/" + reply, feature(null, Map.of("body", "Not mine"))).expect(403);
        var edited = bram.patch("/api/comments/" + top.get("id").asLong(),
                Map.of("type", "Feature", "geometry", INSIDE_POINT, "properties", Map.of("body", "Hier"))).expect(200);
        assertEquals("Point", edited.json().get("geometry").get("type").asText());
        anna.delete("/api/comments/" + reply).expect(204);
        var after = bram.get("/api/proposals/" + route + "/comments").json().get("features");
        assertTrue(after.get(1).get("properties").get("withdrawn").asBoolean());
        assertTrue(!after.get(1).get("properties").has("body"));
    }
}
