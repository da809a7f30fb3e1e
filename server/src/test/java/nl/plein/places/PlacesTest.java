package nl.plein.places;

import static nl.plein.support.Fixtures.CYCLE_ROUTE;
import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Locations to pick without the map. The project is lon 5.50–5.51, lat 52.50–52.51; the newest
 * boundary set has a neighbourhood over its south-west, one over its north, one that only touches
 * its east edge and one far away; an older set covers it all and must not show.
 */
class PlacesTest {
    static TestServer server;
    static Client admin;
    static long projectId;

    @BeforeAll
    static void start() throws SQLException {
        server = TestServer.start();
        admin = server.signedIn("admin@test.example", Role.ADMIN);
        projectId = admin.post("/api/projects", project("Marktplein", List.of("point", "line", "polygon"), false))
                .expect(201).json().get("id").asLong();
        try (var c = server.dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("INSERT INTO area_sets (name) VALUES ('Buurten 2024'), ('Buurten 2025')");
            st.execute("""
                    INSERT INTO areas (area_set_id, code, name, geom)
                    SELECT s.id, a.code, a.name, ST_Multi(ST_MakeEnvelope(a.x0, a.y0, a.x1, a.y1, 4326))
                      FROM (VALUES ('Buurten 2024', 'BU00', 'Oud', 5.4, 52.4, 5.6, 52.6),
                                   ('Buurten 2025', 'BU01', 'Zuid', 5.49, 52.49, 5.505, 52.505),
                                   ('Buurten 2025', 'BU02', 'Noord', 5.49, 52.505, 5.52, 52.52),
                                   ('Buurten 2025', 'BU03', 'Buiten', 5.51, 52.49, 5.52, 52.505),
                                   ('Buurten 2025', 'BU04', 'Ver weg', 5.6, 52.6, 5.61, 52.61))
                           AS a (set_name, code, name, x0, y0, x1, y1)
                      JOIN area_sets s ON s.name = a.set_name""");
        }
        for (var place : List.of(List.of("Ingang park", 5.501, 52.509), List.of("De fontein", 5.505, 52.505))) {
            admin.post("/api/projects/" + projectId + "/places", feature(point((double) place.get(1),
                    (double) place.get(2)), Map.of("name", place.get(0)))).expect(201);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void neighbourhoodsInTheProjectAndItsNamedPlacesComeSortedByKindThenName() {
        JsonNode features = server.anonymous().get("/api/projects/" + projectId + "/places").expect(200).json()
                .get("features");
        var seen = new ArrayList<String>();
        for (JsonNode f : features) {
            seen.add(f.get("properties").get("kind").asText() + " " + f.get("properties").get("name").asText());
        }
        assertEquals(List.of("area Noord", "area Zuid", "place De fontein", "place Ingang park"), seen);
        JsonNode zuid = features.get(1);
        assertEquals("BU01", zuid.get("properties").get("code").asText());
        assertTrue(zuid.get("properties").get("areaId").asLong() > 0);
        assertTrue(features.get(2).get("properties").get("id").asLong() > 0);
    }

    @Test
    void eachNeighbourhoodIsAPointInsideThePartThatLiesInTheProject() {
        JsonNode features = server.anonymous().get("/api/projects/" + projectId + "/places").expect(200).json()
                .get("features");
        for (JsonNode f : features) {
            assertEquals("Point", f.get("geometry").get("type").asText());
            double lon = f.get("geometry").get("coordinates").get(0).asDouble();
            double lat = f.get("geometry").get("coordinates").get(1).asDouble();
            assertTrue(lon > 5.50 && lon < 5.51 && lat > 52.50 && lat < 52.51, f.toString());
        }
        double zuidLon = features.get(1).get("geometry").get("coordinates").get(0).asDouble();
        double zuidLat = features.get(1).get("geometry").get("coordinates").get(1).asDouble();
        assertTrue(zuidLon < 5.505 && zuidLat < 52.505, "inside Zuid's part of the project");
    }

    @Test
    void onlyAnAdminAddsAPlaceAndOnlyAsAPointInsideTheProject() {
        String path = "/api/projects/" + projectId + "/places";
        server.signedIn("anna@test.example", Role.RESIDENT)
                .post(path, feature(point(5.505, 52.505), Map.of("name", "Bank"))).expect(403);
        var outside = admin.post(path, feature(point(5.52, 52.505), Map.of("name", "Elders"))).expect(400).json();
        assertEquals("geometry", outside.get("errors").get(0).get("field").asText());
        var line = admin.post(path, feature(CYCLE_ROUTE, Map.of("name", "Route"))).expect(400).json();
        assertEquals("geometry", line.get("errors").get(0).get("field").asText());
        var nameless = admin.post(path, feature(point(5.505, 52.505), Map.of())).expect(400).json();
        assertEquals("properties.name", nameless.get("errors").get(0).get("field").asText());
        admin.post("/api/projects/999999/places", feature(point(5.505, 52.505), Map.of("name", "X"))).expect(404);
        server.anonymous().get("/api/projects/999999/places").expect(404);
    }
}
