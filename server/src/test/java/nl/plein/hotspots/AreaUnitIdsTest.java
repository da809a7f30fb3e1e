package nl.plein.hotspots;

import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import nl.plein.support.Fixtures;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Areas as units are identified by their id, not their name: names repeat within a set (81 CBS
 * wijken of 2024 are called "Groot water"), and a GIS joining on a repeated id mixes two areas up.
 */
class AreaUnitIdsTest {
    static TestServer server;
    static long projectId;
    static long setId;
    /** id → {code, name} of the set's areas, as stored. */
    static final Map<Long, List<String>> AREAS = new HashMap<>();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        var admin = server.signedIn("admin@test.example", Role.ADMIN);
        projectId = admin.post("/api/projects", project("Water", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        // Four columns of two areas over the project; the two areas of the second column share a name.
        setId = Jdbis.create(server.dataSource).inTransaction(h -> {
            long set = h.createQuery("INSERT INTO area_sets (name) VALUES ('Wijken') RETURNING id").mapTo(Long.class)
                    .one();
            h.createUpdate("""
                    INSERT INTO areas (area_set_id, code, name, geom)
                    SELECT :set, 'WK' || g, CASE WHEN g % 4 = 1 THEN 'Groot water' ELSE 'Wijk ' || g END,
                           ST_Multi(ST_MakeEnvelope(5.50 + (g % 4) * 0.0025, 52.50 + (g / 4) * 0.005,
                                                    5.50 + (g % 4 + 1) * 0.0025, 52.50 + (g / 4 + 1) * 0.005, 4326))
                      FROM generate_series(0, 7) g""").bind("set", set).execute();
            h.createQuery("SELECT id, code, name FROM areas WHERE area_set_id = :set").bind("set", set)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), List.of(rs.getString(2), rs.getString(3))))
                    .forEach(area -> AREAS.put(area.getKey(), area.getValue()));
            return set;
        });
        Client resident = server.signedIn("resident@test.example", Role.RESIDENT);
        double[][] at = {{5.5050, 52.5020}, {5.5051, 52.5021}, {5.5052, 52.5022}, {5.5050, 52.5070}, {5.5010, 52.5010},
                {5.5090, 52.5090}, {5.5091, 52.5091}};
        for (int k = 0; k < at.length; k++) {
            resident.post("/api/projects/" + projectId + "/proposals", Fixtures.proposal(point(at[k][0], at[k][1]),
                    "Steiger " + k)).expect(201);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void hotSpotsAndMoranOverAreasNameEachAreaByItsIdWithItsCodeAndName() {
        var planner = server.signedIn("planner@test.example", Role.PLANNER);
        String base = "/api/projects/" + projectId + "/analysis/";
        for (String path : List.of("hotspots?unit=areas&set=" + setId,
                "moran?unit=areas&permutations=0&set=" + setId)) {
            for (Client client : List.of(planner, server.anonymous())) {
                JsonNode features = client.get(base + path).expect(200).json().get("features");
                var seen = new HashMap<Long, List<String>>();
                for (JsonNode f : features) {
                    assertEquals(true, f.get("id").isIntegralNumber(), f.toString());
                    JsonNode p = f.get("properties");
                    seen.put(f.get("id").asLong(), List.of(p.get("code").asText(), p.get("name").asText()));
                    assertEquals(f.get("id").asText(), p.get("unit").asText());
                }
                assertEquals(AREAS.size(), features.size(), path);
                assertEquals(AREAS, seen, "every area once, under its own id, with its code and name: " + path);
                assertEquals(2, seen.values().stream().filter(v -> v.get(1).equals("Groot water")).count());
            }
        }
    }
}
