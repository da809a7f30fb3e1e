package nl.plein.budgets;

import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.polygon;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plein.support.Client;

/** What the set-up tests share: boundaries over the test square, a valid vote body, problem fields. */
final class SetupFixtures {
    private SetupFixtures() {
    }

    /** Two buurten over the test project's square (lon 5.50–5.51), split at lon 5.505: West and Oost. */
    static Map<String, Object> westAndEast() {
        return Map.of("type", "FeatureCollection", "features", List.of(
                buurt("BU0001", "West", 1200, 5.50, 5.505), buurt("BU0002", "Oost", 800, 5.505, 5.51)));
    }

    /** One buurt elsewhere, for a second boundary set. */
    static Map<String, Object> elsewhere() {
        return Map.of("type", "FeatureCollection", "features", List.of(buurt("BU0009", "Elders", 500, 5.60, 5.61)));
    }

    private static Map<String, Object> buurt(String code, String name, int population, double west, double east) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("buurtcode", code);
        properties.put("buurtnaam", name);
        properties.put("aantal_inwoners", population);
        properties.put("wijkcode", "WK0001");
        return feature(polygon(west, 52.50, east, 52.50, east, 52.51, west, 52.51, west, 52.50), properties);
    }

    /** Uploads a boundary set (committed) and returns its id. */
    static long upload(Client admin, String name, Map<String, Object> collection) {
        return admin.post("/api/area-sets?name=" + name + "&year=2024&dryRun=false", collection).expect(201).json()
                .get("id").asLong();
    }

    /** The id of the area with this name in the set. */
    static long area(Client client, long setId, String name) {
        for (JsonNode area : client.get("/api/areas?set=" + setId).expect(200).json().get("features")) {
            if (area.get("properties").get("name").asText().equals(name)) {
                return area.get("id").asLong();
            }
        }
        throw new AssertionError("no area " + name + " in set " + setId);
    }

    static String inDays(double days) {
        return Instant.now().plus(Duration.ofSeconds((long) (days * 86400))).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A valid vote: approval, greedy, opening tomorrow for a week, a city-wide pot of 100,000. */
    static Map<String, Object> vote(String title) {
        var body = new LinkedHashMap<String, Object>();
        body.put("title", title);
        body.put("description", "Wat doen we met het geld?");
        body.put("ballotType", "approval");
        body.put("minItems", 0);
        body.put("maxItems", 3);
        body.put("rule", "greedy");
        body.put("opensAt", inDays(1));
        body.put("closesAt", inDays(8));
        body.put("cityBudget", 100000);
        return body;
    }

    /** A copy of the body with {@code key} set to {@code value} (null included). */
    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        var copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    static Map<String, Object> without(Map<String, Object> body, String... keys) {
        var copy = new LinkedHashMap<>(body);
        for (String key : keys) {
            copy.remove(key);
        }
        return copy;
    }

    /** The fields a problem document names, after checking it is one with the given status. */
    static List<String> fields(Client.Response response, int status) {
        response.expect(status);
        assertTrue(response.header("Content-Type").startsWith("application/problem+json"), response.body());
        var fields = new ArrayList<String>();
        response.json().path("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
