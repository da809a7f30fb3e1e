package nl.plein.proposals;

import static nl.plein.support.Fixtures.BOW_TIE;
import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.OUTSIDE_POINT;
import static nl.plein.support.Fixtures.UNCLOSED;
import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input gets a 4xx problem document that names the field at fault, shows no
 * internals, and leaves the database exactly as it was.
 */
class BadInputTest {
    static TestServer server;
    static Jdbi jdbi;
    static Client anna;
    static long projectId;
    static long pointsOnlyProject;
    long rowsBefore;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("PLEIN_MAX_VERTICES", "50", "PLEIN_MAX_BODY_BYTES", "20000"));
        jdbi = Jdbis.create(server.dataSource);
        var admin = server.signedIn("admin@test.example", Role.ADMIN);
        anna = server.signedIn("anna@test.example", Role.RESIDENT);
        projectId = admin.post("/api/projects", project("All kinds", List.of("point", "line", "polygon"), false))
                .expect(201).json().get("id").asLong();
        pointsOnlyProject = admin.post("/api/projects", project("Points only", List.of("point"), false))
                .expect(201).json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void count() {
        rowsBefore = rows();
    }

    @AfterEach
    void nothingWasWritten() {
        assertEquals(rowsBefore, rows(), "a refused request must not write anything");
    }

    private static long rows() {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT (SELECT count(*) FROM proposals) + (SELECT count(*) FROM proposal_decisions)")
                .mapTo(Long.class).one());
    }

    static Map<String, Object> geometry(String type, Object coordinates) {
        return Map.of("type", type, "coordinates", coordinates);
    }

    static String manyVertices(int n) {
        var coordinates = new StringBuilder();
        for (int i = 0; i < n; i++) {
            coordinates.append(i == 0 ? "" : ",").append("[").append(5.501 + i * 0.00001).append(",52.505]");
        }
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[" + coordinates
                + "]},\"properties\":{\"title\":\"Long line\"}}";
    }

    static Stream<Arguments> badProposals() {
        var cases = new ArrayList<Arguments>();
        cases.add(Arguments.of("malformed JSON", "{\"type\": \"Feature\", ", 400, "body"));
        cases.add(Arguments.of("trailing garbage", "{\"type\":\"Feature\"} xyz", 400, "body"));
        cases.add(Arguments.of("an array instead of an object", "[1,2]", 400, "body"));
        cases.add(Arguments.of("duplicate keys", "{\"type\":\"Feature\",\"type\":\"Feature\"}", 400, "body"));
        cases.add(Arguments.of("unknown property", feature(INSIDE_POINT, Map.of("title", "x", "colour", "red")),
                400, "properties.colour"));
        cases.add(Arguments.of("unknown top-level member", Map.of("type", "Feature", "geometry", INSIDE_POINT,
                "properties", Map.of("title", "x"), "extra", 1), 400, "extra"));
        cases.add(Arguments.of("missing title", feature(INSIDE_POINT, Map.of("description", "no title")),
                400, "properties.title"));
        cases.add(Arguments.of("blank title", feature(INSIDE_POINT, Map.of("title", "   ")), 400, "properties.title"));
        cases.add(Arguments.of("missing geometry", feature(null, Map.of("title", "x")), 400, "geometry"));
        cases.add(Arguments.of("title of the wrong type", feature(INSIDE_POINT, Map.of("title", 42)),
                400, "properties.title"));
        cases.add(Arguments.of("a NUL character", feature(INSIDE_POINT, Map.of("title", "a\u0000b")),
                400, "properties.title"));
        cases.add(Arguments.of("over-long title", feature(INSIDE_POINT, Map.of("title", "x".repeat(121))),
                400, "properties.title"));
        cases.add(Arguments.of("over-long description", feature(INSIDE_POINT,
                Map.of("title", "x", "description", "y".repeat(5001))), 400, "properties.description"));
        cases.add(Arguments.of("a category the project lacks", feature(INSIDE_POINT,
                Map.of("title", "x", "category", "parking")), 400, "properties.category"));
        cases.add(Arguments.of("not a Feature", Map.of("type", "Point", "coordinates", List.of(5.505, 52.505)),
                400, "type"));
        cases.add(Arguments.of("an unknown geometry type", proposal(geometry("Circle", List.of(5.5, 52.5)), "x"),
                400, "geometry.type"));
        cases.add(Arguments.of("a self-intersecting polygon", proposal(BOW_TIE, "x"), 400, "geometry"));
        cases.add(Arguments.of("an unclosed ring", proposal(UNCLOSED, "x"), 400, "geometry.coordinates[0]"));
        cases.add(Arguments.of("a line of one point", proposal(geometry("LineString",
                List.of(List.of(5.505, 52.505))), "x"), 400, "geometry.coordinates"));
        cases.add(Arguments.of("a line of one repeated point", proposal(geometry("LineString",
                List.of(List.of(5.505, 52.505), List.of(5.505, 52.505))), "x"), 400, "geometry.coordinates"));
        cases.add(Arguments.of("a ring of three positions", proposal(geometry("Polygon",
                List.of(List.of(List.of(5.502, 52.502), List.of(5.503, 52.502), List.of(5.502, 52.502)))), "x"),
                400, "geometry.coordinates[0]"));
        cases.add(Arguments.of("NaN as a coordinate",
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[NaN,52.5]},"
                        + "\"properties\":{\"title\":\"x\"}}", 400, "body"));
        cases.add(Arguments.of("a string as a coordinate", proposal(geometry("Point", List.of("5.5", 52.5)), "x"),
                400, "geometry.coordinates[0]"));
        cases.add(Arguments.of("a longitude out of range", proposal(geometry("Point", List.of(185.0, 52.5)), "x"),
                400, "geometry.coordinates[0]"));
        cases.add(Arguments.of("a latitude out of range", proposal(geometry("Point", List.of(5.5, -91.0)), "x"),
                400, "geometry.coordinates[1]"));
        cases.add(Arguments.of("an overflowing number",
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1e999,52.5]},"
                        + "\"properties\":{\"title\":\"x\"}}", 400, "geometry.coordinates[0]"));
        cases.add(Arguments.of("a geometry outside the project", proposal(OUTSIDE_POINT, "x"), 400, "geometry"));
        cases.add(Arguments.of("a crs member", proposal(Map.of("type", "Point", "coordinates",
                List.of(5.505, 52.505), "crs", Map.of("type", "name")), "x"), 400, "geometry.crs"));
        cases.add(Arguments.of("more vertices than allowed", manyVertices(51), 400, "geometry.coordinates[50]"));
        cases.add(Arguments.of("a body over the size limit", manyVertices(1200), 413, "body"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProposals")
    void aBadProposalIsRefusedWithAProblemNamingTheField(String what, Object body, int status, String field) {
        var response = body instanceof String text
                ? anna.raw("POST", "/api/projects/" + projectId + "/proposals", "application/json",
                        text.getBytes(StandardCharsets.UTF_8))
                : anna.post("/api/projects/" + projectId + "/proposals", body);
        assertProblem(response, status, field);
    }

    @Test
    void aGeometryKindTheProjectDoesNotAllowIsRefused() {
        var response = anna.post("/api/projects/" + pointsOnlyProject + "/proposals",
                proposal(nl.plein.support.Fixtures.CYCLE_ROUTE, "A route"));
        assertProblem(response, 400, "geometry");
        assertTrue(response.json().get("detail").asText().contains("point"));
    }

    @Test
    void aWrongContentTypeIsRefused() {
        var response = anna.raw("POST", "/api/projects/" + projectId + "/proposals", "text/plain",
                "{}".getBytes(StandardCharsets.UTF_8));
        assertProblem(response, 415, "Content-Type");
        assertProblem(anna.raw("POST", "/api/projects/" + projectId + "/proposals", null, new byte[0]),
                415, "Content-Type");
    }

    @Test
    void unknownOrMalformedQueryParametersAreRefused() {
        assertProblem(anna.get("/api/proposals?projekt=1"), 400, "projekt");
        assertProblem(anna.get("/api/proposals?bbox=1,2,3"), 400, "bbox");
        assertProblem(anna.get("/api/proposals?bbox=5,52,4,53"), 400, "bbox");
        assertProblem(anna.get("/api/proposals?limit=0"), 400, "limit");
        assertProblem(anna.get("/api/proposals?limit=abc"), 400, "limit");
        assertProblem(anna.get("/api/proposals?status=maybe"), 400, "status");
        assertProblem(anna.get("/api/proposals?cursor=not-a-cursor"), 400, "cursor");
        assertProblem(anna.get("/api/proposals?project=1&project=2"), 400, "project");
        assertProblem(anna.get("/api/projects?x=1"), 400, "x");
        assertProblem(anna.post("/api/projects/" + projectId + "/proposals?dryRun=true",
                proposal(INSIDE_POINT, "x")), 400, "dryRun");
    }

    @Test
    void unknownThingsAreProblemsToo() {
        var missing = anna.get("/api/proposals/999999");
        assertEquals(404, missing.status());
        assertEquals("application/problem+json", missing.header("Content-Type").split(";")[0]);
        assertEquals(404, anna.get("/api/proposals/abc").status());
        assertEquals(404, anna.get("/api/nothing-here").status());
        assertEquals("application/problem+json", anna.get("/api/nothing-here").header("Content-Type").split(";")[0]);
    }

    static void assertProblem(Client.Response response, int status, String field) {
        assertEquals(status, response.status(), () -> "status; body: " + response.body());
        assertEquals("application/problem+json", response.header("Content-Type").split(";")[0]);
        JsonNode problem = response.json();
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.get("type").asText().startsWith("https://"));
        assertFalse(problem.get("title").asText().isBlank());
        var fields = new ArrayList<String>();
        problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertTrue(fields.contains(field), () -> "expected field " + field + " in " + response.body());
        String body = response.body().toLowerCase();
        for (String internal : List.of("exception", "at nl.", "at java.", "sql", "postgres", "jdbc", "stack")) {
            assertFalse(body.contains(internal), () -> "internals (" + internal + ") leak: " + response.body());
        }
    }
}
