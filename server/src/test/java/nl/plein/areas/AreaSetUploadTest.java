package nl.plein.areas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An admin uploads boundaries over HTTP, with the importer's rules: a dry run by default, idempotent. */
class AreaSetUploadTest {
    static TestServer server;
    static Client admin;
    static Client resident;
    static Jdbi jdbi;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("PLEIN_MAX_BOUNDARY_BYTES", "4096"));
        jdbi = Jdbis.create(server.dataSource);
        admin = server.signedIn("admin@test.example", Role.ADMIN);
        resident = server.signedIn("rita@test.example", Role.RESIDENT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** A count over one area set, the statement naming it {@code :set}. */
    private static long count(String sql, long set) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("set", set).mapTo(Long.class).one());
    }

    private static JsonNode problem(Client.Response response, int status) {
        JsonNode json = response.expect(status).json();
        assertTrue(response.header("Content-Type").startsWith("application/problem+json"));
        return json;
    }

    @Test
    void aDryRunReportsAndWritesNothingThenCommitWritesAndTheSameUploadAgainChangesNothing() {
        long sets = count("SELECT count(*) FROM area_sets");
        JsonNode dry = admin.post("/api/area-sets?name=Wijkkaart&year=2024", Buurten.westAndEast()).expect(200).json();
        assertFalse(dry.get("committed").asBoolean());
        assertEquals(2, dry.get("areas").asInt());
        assertEquals(2000, dry.get("populationTotal").asLong());
        assertEquals("neighbourhood", dry.get("level").asText());
        assertEquals(sets, count("SELECT count(*) FROM area_sets"));

        JsonNode done = admin.post("/api/area-sets?name=Wijkkaart&year=2024&dryRun=false", Buurten.westAndEast())
                .expect(201).json();
        assertTrue(done.get("committed").asBoolean());
        long id = done.get("id").asLong();
        assertEquals(2, count("SELECT count(*) FROM areas WHERE area_set_id = :set", id));

        JsonNode again = admin.post("/api/area-sets?name=Wijkkaart&year=2024&dryRun=false", Buurten.westAndEast())
                .expect(200).json();
        assertTrue(again.get("unchanged").asBoolean());
        assertEquals(id, again.get("id").asLong());
        assertEquals(sets + 1, count("SELECT count(*) FROM area_sets"));

        JsonNode listed = null;
        for (JsonNode set : server.anonymous().get("/api/area-sets").expect(200).json().get("sets")) {
            listed = set.get("id").asLong() == id ? set : listed;
        }
        assertEquals("Wijkkaart", listed.get("name").asText());
        assertEquals(2024, listed.get("year").asInt());
        assertEquals("neighbourhood", listed.get("level").asText());
        assertEquals(2, listed.get("count").asInt());
        assertEquals(2000, listed.get("populationTotal").asLong());

        JsonNode refused = problem(admin.post("/api/area-sets?name=Wijkkaart&year=2024&dryRun=false",
                Buurten.merged()), 409);
        assertEquals("name", refused.get("errors").get(0).get("field").asText());
    }

    @Test
    void aResidentMayNotUpload() {
        long sets = count("SELECT count(*) FROM area_sets");
        resident.post("/api/area-sets?name=Mine&dryRun=false", Buurten.westAndEast()).expect(403);
        resident.post("/api/area-sets/1/assign", Map.of()).expect(403);
        assertEquals(sets, count("SELECT count(*) FROM area_sets"));
    }

    @Test
    void aFileWithoutCbsFieldsLoadsWithTheFieldsNamedAsOnTheCommandLine() {
        JsonNode done = admin.post("/api/area-sets?name=Eigen+indeling&year=2025&dryRun=false&codeField=id"
                + "&nameField=naam&populationField=inwoners", Buurten.ownFields()).expect(201).json();
        assertEquals(3, done.get("areas").asInt());
        assertEquals(2015, done.get("populationTotal").asLong());
        assertEquals("code id, name naam, population inwoners", done.get("fields").asText());
        long id = done.get("id").asLong();
        var areas = jdbi.withHandle(h -> h.createQuery(
                "SELECT code || '|' || name || '|' || population FROM areas WHERE area_set_id = :set ORDER BY code")
                .bind("set", id).mapTo(String.class).list());
        assertEquals(List.of("N-17|Havenkwartier|640", "N-18|Molenbuurt|0", "N-19|Achter de Kerk|1375"), areas);
    }

    @Test
    void withoutAMappingTheProblemNamesTheApisParametersNotCommandLineFlags() {
        long sets = count("SELECT count(*) FROM area_sets");
        JsonNode unmapped = problem(admin.post("/api/area-sets?name=Eigen&dryRun=false", Buurten.ownFields()), 400);
        JsonNode error = unmapped.get("errors").get(0);
        assertEquals("codeField", error.get("field").asText());
        assertTrue(error.get("detail").asText().contains("codeField=FIELD nameField=FIELD [populationField=FIELD]"),
                error.get("detail").asText());
        assertFalse(unmapped.toString().contains("--"), unmapped.toString());

        JsonNode wrongField = problem(admin.post("/api/area-sets?name=Eigen&codeField=id&nameField=name",
                Buurten.ownFields()), 400).get("errors").get(0);
        assertEquals("nameField", wrongField.get("field").asText());
        assertTrue(wrongField.get("detail").asText().contains("no field name"), wrongField.get("detail").asText());

        var rd = new java.util.LinkedHashMap<>(Buurten.ownFields());
        rd.put("features", List.of(nl.plein.support.Fixtures.feature(nl.plein.support.Fixtures.polygon(
                155000, 463000, 155100, 463000, 155100, 463100, 155000, 463000), Map.of("id", "R1"))));
        JsonNode noCrs = problem(admin.post("/api/area-sets?name=Eigen&codeField=id", rd), 400);
        assertEquals("srid", noCrs.get("errors").get(0).get("field").asText());
        assertTrue(noCrs.get("detail").asText().contains("srid=28992"), noCrs.get("detail").asText());
        assertFalse(noCrs.toString().contains("--"), noCrs.toString());
        assertEquals(1, admin.post("/api/area-sets?name=Eigen&codeField=id&srid=28992", rd).expect(200).json()
                .get("areas").asInt());
        assertEquals("srid", problem(admin.post("/api/area-sets?name=Eigen&codeField=id&srid=123456", rd), 400)
                .get("errors").get(0).get("field").asText());
        assertEquals(sets, count("SELECT count(*) FROM area_sets"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        byte[] broken = "{\"type\": \"FeatureCollection\", \"features\": [".getBytes(StandardCharsets.UTF_8);
        assertEquals("body", problem(admin.raw("POST", "/api/area-sets?name=X", "application/geo+json", broken), 400)
                .get("errors").get(0).get("field").asText());
        assertEquals("body", problem(admin.post("/api/area-sets?name=X", Map.of("type", "Feature")), 400)
                .get("errors").get(0).get("field").asText());
        var unmapped = Buurten.collection(nl.plein.support.Fixtures.feature(
                nl.plein.support.Fixtures.point(5.5, 52.5), Map.of("naam", "A")));
        assertEquals("codeField", problem(admin.post("/api/area-sets?name=X", unmapped), 400)
                .get("errors").get(0).get("field").asText());
        assertEquals("name", problem(admin.post("/api/area-sets", Buurten.merged()), 400)
                .get("errors").get(0).get("field").asText());
        assertEquals("year", problem(admin.post("/api/area-sets?name=X&year=soon", Buurten.merged()), 400)
                .get("errors").get(0).get("field").asText());
        assertEquals("level", problem(admin.post("/api/area-sets?name=X&level=street", Buurten.merged()), 400)
                .get("errors").get(0).get("field").asText());
        assertEquals("preset", problem(admin.post("/api/area-sets?name=X&preset=osm", Buurten.merged()), 400)
                .get("errors").get(0).get("field").asText());
        assertEquals("dryRun", problem(admin.post("/api/area-sets?name=X&dryRun=maybe", Buurten.merged()), 400)
                .get("errors").get(0).get("field").asText());
        problem(admin.raw("POST", "/api/area-sets?name=X", "text/plain", "{}".getBytes(StandardCharsets.UTF_8)), 415);
        problem(admin.raw("POST", "/api/area-sets?name=X", "application/json", new byte[5000]), 413);
    }
}
