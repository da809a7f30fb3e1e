package nl.plein.evaluations;

import static nl.plein.evaluations.EvaluationsTest.evaluation;
import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.polygon;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evaluation pins as contributions of the analyses ({@code contributions=evaluations}): only the pins
 * everyone sees (of works with at least 5 evaluations that count), numbered by place and not by the
 * evaluations' ids, placed in the area that covers them, and a cached analysis follows new evaluations.
 *
 * <p>The town: four quadrant buurten of the test project's square. Work "Park" has 8 evaluations:
 * 5 pins close together in the north-west, 1 in the north-east, 2 in the south-east. Work "Speelplek"
 * has 4 evaluations with pins in the south-west: not public, so not analysed until a fifth comes.
 */
class EvaluationPinsAnalysedTest {
    static TestServer server;
    static Client admin;
    static Client planner;
    static EvaluationFixtures town;
    static long park;
    static long speelplek;
    static long setId;
    static int people;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.signedIn("admin@pins.test", Role.ADMIN);
        planner = server.signedIn("planner@pins.test", Role.PLANNER);
        town = new EvaluationFixtures(server, admin, "Pinnen");
        // Evaluations without pins first, so that evaluation ids and place numbers differ.
        long bench = town.doneWork("Bank");
        for (int i = 0; i < 10; i++) {
            evaluate(bench, null);
        }
        park = town.doneWork("Park");
        for (int i = 0; i < 5; i++) {
            evaluate(park, point(5.5010 + i * 0.0001, 52.508));
        }
        evaluate(park, point(5.508, 52.508));
        evaluate(park, point(5.508, 52.502));
        evaluate(park, point(5.5082, 52.502));
        speelplek = town.doneWork("Speelplek");
        for (int i = 0; i < 4; i++) {
            evaluate(speelplek, point(5.5020 + i * 0.0001, 52.502));
        }
        setId = admin.post("/api/area-sets?name=Kwadranten&year=2024&dryRun=false", Map.of("type", "FeatureCollection",
                "features", List.of(quadrant("BU01", "NW", 5.50, 52.505), quadrant("BU02", "NO", 5.505, 52.505),
                        quadrant("BU03", "ZW", 5.50, 52.50), quadrant("BU04", "ZO", 5.505, 52.50))))
                .expect(201).json().get("id").asLong();
    }

    private static Map<String, Object> quadrant(String code, String name, double west, double south) {
        double east = west + 0.005;
        double north = south + 0.005;
        return feature(polygon(west, south, east, south, east, north, west, north, west, south),
                Map.of("buurtcode", code, "buurtnaam", name, "aantal_inwoners", 1000, "wijkcode", "WK01"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void evaluate(long work, Object pin) {
        var r = server.signedIn("p" + (++people) + "@pins.test", Role.RESIDENT);
        r.put("/api/works/" + work + "/evaluation", evaluation(4, pin, pin == null ? null : true)).expect(200);
    }

    private static String analysis(String name, String query) {
        return "/api/projects/" + town.projectId + "/analysis/" + name + "?contributions=evaluations" + query;
    }

    @Test
    void clustersRunOnThePinsEveryoneSeesNumberedByPlaceAndFollowNewEvaluations() {
        var before = planner.get(analysis("clusters", "&eps=50&minPoints=3")).expect(200).json();
        assertEquals(1, before.get("clusters").asInt(), "the south-west pins (4 evaluations) are not analysed");
        var cluster = before.get("features").get(0).get("properties");
        assertEquals(5, cluster.get("members").asInt());
        assertTrue(before.get("method").asText().contains("pins of evaluations"));
        var evaluationIds = new HashSet<Long>(town.jdbi.withHandle(h -> h.createQuery(
                "SELECT e.id FROM evaluations e JOIN works w ON w.id = e.work_id WHERE w.title = 'Park'")
                .mapTo(Long.class).list()));
        for (JsonNode member : cluster.get("mostSupported")) {
            assertFalse(evaluationIds.contains(member.get("id").asLong()), "members are numbered by place");
            assertEquals("Park", member.get("title").asText());
        }

        evaluate(speelplek, point(5.5024, 52.502));
        var after = server.anonymous().get(analysis("clusters", "&eps=50&minPoints=3")).expect(200).json();
        assertEquals(2, after.get("clusters").asInt(), "a fifth evaluation makes the pins public: not a stale cache");
    }

    @Test
    void hotSpotsOverAreasCountEachPinInTheAreaThatCoversIt() {
        var result = planner.get(analysis("hotspots", "&unit=areas&weights=queen&k=2&set=" + setId)).expect(200).json();
        var counts = new HashMap<String, Integer>();
        for (JsonNode f : result.get("features")) {
            counts.put(f.get("properties").get("name").asText(), f.get("properties").get("proposals").asInt());
        }
        assertEquals(5, counts.get("NW"));
        assertEquals(1, counts.get("NO"));
        assertEquals(2, counts.get("ZO"));
        server.anonymous().get(analysis("moran", "&unit=areas&weights=queen&k=2&set=" + setId)).expect(200);
    }

    @Test
    void hexagonsAndTheHeatmapReadThePinsAndCategoryAndStatusApplyToProposalsOnly() {
        var hexagons = planner.get(analysis("hexbins", "&size=100")).expect(200).json();
        int pins = 0;
        for (JsonNode cell : hexagons.get("features")) {
            pins += cell.get("properties").get("proposals").asInt();
        }
        assertTrue(pins == 8 || pins == 13, "Park's 8 pins, and Speelplek's 5 once it has a fifth: " + pins);
        server.anonymous().get(analysis("heatmap", "")).expect(200);
        var refused = admin.get(analysis("hexbins", "&category=green")).expect(400).json();
        assertEquals("category", refused.get("errors").get(0).get("field").asText());
        assertEquals("status", admin.get(analysis("hexbins", "&status=published")).expect(400).json().get("errors")
                .get(0).get("field").asText());
        assertEquals("contributions", admin.get("/api/projects/" + town.projectId + "/analysis/hexbins?contributions=pins")
                .expect(400).json().get("errors").get(0).get("field").asText());
    }
}
