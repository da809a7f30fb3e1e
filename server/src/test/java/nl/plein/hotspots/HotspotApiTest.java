package nl.plein.hotspots;

import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import nl.plein.support.Fixtures;
import nl.plein.support.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hot spots and Moran's I over real HTTP, on a project with a planted hot spot: forty proposals
 * within about 120 m of one point, and twenty scattered over the rest of the area. The statistics themselves
 * are checked against spdep in the hotspots package's own tests; these check the wiring.
 */
class HotspotApiTest {
    static TestServer server;
    static long projectId;
    static long setId;
    static Client planner;
    static Jdbi jdbi;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        var admin = server.signedIn("admin@test.example", Role.ADMIN);
        projectId = admin.post("/api/projects", project("Hotspots", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        planner = server.signedIn("planner@test.example", Role.PLANNER);
        // a 3 × 3 boundary set over the project's area, for areas as units, with a resident living in each
        jdbi = Jdbis.create(server.dataSource);
        setId = jdbi.inTransaction(h -> {
            long set = h.createQuery("INSERT INTO area_sets (name) VALUES ('Raster') RETURNING id").mapTo(Long.class)
                    .one();
            h.createUpdate("""
                    INSERT INTO areas (area_set_id, code, name, population, geom)
                    SELECT :set, 'R' || g, 'Vak ' || g, 1000 + g * 100,
                           ST_Multi(ST_MakeEnvelope(5.50 + (g % 3) * 0.01 / 3, 52.50 + (g / 3) * 0.01 / 3,
                                                    5.50 + (g % 3 + 1) * 0.01 / 3, 52.50 + (g / 3 + 1) * 0.01 / 3, 4326))
                      FROM generate_series(0, 8) g""").bind("set", set).execute();
            return set;
        });
        var residents = new Client[9];
        for (int k = 0; k < residents.length; k++) {
            residents[k] = server.signedIn("resident" + k + "@test.example", Role.RESIDENT);
        }
        jdbi.useTransaction(h -> h.createUpdate("""
                UPDATE accounts a SET home_area_id = h.id
                  FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM areas WHERE area_set_id = :set) h
                 WHERE a.email = 'resident' || h.k || '@test.example'""").bind("set", setId).execute());
        // the planted hot spot: forty proposals within about 120 m of one point, then twenty scattered
        var random = new Random(11);
        for (int k = 0; k < 40; k++) {
            double angle = random.nextDouble() * 2 * Math.PI;
            double r = Math.sqrt(random.nextDouble()) * 120;
            propose(residents[k % 9], 5.5025 + r * Math.cos(angle) / 67_800, 52.5025 + r * Math.sin(angle) / 111_200, k);
        }
        for (int k = 0; k < 20; k++) {
            propose(residents[(k * 5) % 9], 5.5003 + random.nextDouble() * 0.0094, 52.5003 + random.nextDouble() * 0.0094,
                    100 + k);
        }
    }

    private static void propose(Client resident, double lon, double lat, int k) {
        resident.post("/api/projects/" + projectId + "/proposals", Fixtures.feature(point(lon, lat),
                Map.of("title", "Voorstel " + k, "category", "green"))).expect(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private String path(String analysis, String query) {
        return "/api/projects/" + projectId + "/analysis/" + analysis + query;
    }

    /** The feature with the most proposals. */
    private static JsonNode busiest(JsonNode json) {
        JsonNode best = null;
        for (JsonNode f : json.get("features")) {
            if (best == null || f.get("properties").get("proposals").asLong()
                    > best.get("properties").get("proposals").asLong()) {
                best = f;
            }
        }
        return best;
    }

    @Test
    void thePlantedHotSpotIsAHotSpotAtNinetyNinePercent() {
        JsonNode json = planner.get(path("hotspots", "?size=100")).expect(200).json();
        var hot = busiest(json).get("properties");

        assertTrue(hot.get("proposals").asLong() >= 10, hot.toString());
        assertEquals(3, hot.get("class").asInt(), hot.toString());
        assertTrue(hot.get("z").asDouble() > 3, hot.toString());
        assertTrue(hot.get("pAdjusted").asDouble() < 0.01, hot.toString());
        // the default band is the largest nearest-neighbour distance: between hexagon centres, √3 · size
        assertEquals(Math.sqrt(3) * 100, json.get("parameters").get("band").asDouble(), 1e-6);
        assertEquals(0, json.get("islands").size());
        assertTrue(json.get("method").asText().contains("does not say why"), json.get("method").asText());
    }

    @Test
    void permutationsAreSeededSoTheSameRequestGivesTheSameAnswer() {
        JsonNode first = planner.get(path("hotspots", "?size=100&permutations=99&weights=knn&k=6")).expect(200).json();
        JsonNode again = planner.get(path("hotspots", "?size=100&permutations=99&weights=knn&k=6")).expect(200).json();

        assertEquals(first.get("features"), again.get("features"));
        var hot = busiest(first).get("properties");
        assertTrue(hot.get("permutationP").asDouble() >= 1.0 / 100 && hot.get("permutationP").asDouble() < 0.05,
                hot.toString());
    }

    @Test
    void moransIOnProposalDensityIsPositiveAndTheHotSpotIsHighAmongHigh() {
        JsonNode json = planner.get(path("moran", "?size=100&permutations=0")).expect(200).json();

        assertTrue(json.get("global").get("i").asDouble() > 0, json.get("global").toString());
        assertEquals(-1.0 / (json.get("global").get("units").asInt() - 1), json.get("global").get("expected").asDouble(),
                1e-12);
        assertTrue(json.get("global").get("p").asDouble() < 0.05, json.get("global").toString());
        assertEquals("HH", busiest(json).get("properties").get("cluster").asText(), busiest(json).toString());
    }

    @Test
    void areasOfABoundarySetCanBeTheUnitsWithQueenContiguity() {
        JsonNode hot = planner.get(path("hotspots", "?unit=areas&set=" + setId)).expect(200).json();
        assertEquals(9, hot.get("features").size());
        assertEquals("queen", hot.get("parameters").get("weights").asText());
        long sum = 0;
        for (JsonNode f : hot.get("features")) {
            sum += f.get("properties").get("proposals").asLong();
        }
        assertEquals(60, sum, "every proposal lies in one of the nine areas");

        JsonNode moran = planner.get(path("moran", "?unit=areas&set=" + setId + "&measure=participation&permutations=99"))
                .expect(200).json();
        assertEquals(9, moran.get("features").size());
        assertTrue(moran.get("method").asText().contains("participants per 1,000 residents"));
    }

    @Test
    void everyoneElseSeesCountsUnderTheSmallCountRuleButTheSameStatistics() {
        JsonNode raw = planner.get(path("hotspots", "?size=100")).expect(200).json();
        JsonNode pub = server.anonymous().get(path("hotspots", "?size=100")).expect(200).json();

        for (int k = 0; k < raw.get("features").size(); k++) {
            var r = raw.get("features").get(k).get("properties");
            var p = pub.get("features").get(k).get("properties");
            assertEquals(r.get("z"), p.get("z"));
            assertEquals(r.get("class"), p.get("class"));
            assertTrue(p.get("proposals").isTextual());
            if (r.get("proposals").asLong() > 0 && r.get("proposals").asLong() < 5) {
                assertEquals("<5", p.get("proposals").asText());
            }
        }
    }

    @Test
    void publicValuesThatRestOnFewerThanFivePeopleOrProposalsAreHidden() {
        JsonNode raw = planner.get(path("moran", "?unit=areas&set=" + setId + "&measure=participation&permutations=0"))
                .expect(200).json();
        JsonNode pub = server.anonymous().get(path("moran", "?unit=areas&set=" + setId
                + "&measure=participation&permutations=0")).expect(200).json();

        int hidden = 0;
        for (int k = 0; k < raw.get("features").size(); k++) {
            var r = raw.get("features").get(k).get("properties");
            var p = pub.get("features").get(k).get("properties");
            assertEquals(r.get("z"), p.get("z"), "statistics are the same");
            if (p.has("valueHidden")) {
                assertTrue(p.get("value").isNull());
                hidden++;
            } else {
                assertEquals(r.get("value"), p.get("value"));
            }
        }
        assertEquals(9, hidden, "one resident per area: every rate rests on fewer than five people");
        assertTrue(raw.get("features").get(0).get("properties").get("value").isNumber());
    }

    @Test
    void aCachedAnswerMakesWayForANewProposal() {
        var admin = server.signedIn("admin4@test.example", Role.ADMIN);
        long other = admin.post("/api/projects", project("Tweede", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        var resident = server.signedIn("resident-other@test.example", Role.RESIDENT);
        String hotspots = "/api/projects/" + other + "/analysis/hotspots?size=100";
        String moran = "/api/projects/" + other + "/analysis/moran?size=100&permutations=0";
        for (int k = 0; k < 6; k++) {
            resident.post("/api/projects/" + other + "/proposals", Fixtures.feature(point(5.5020 + k * 0.001, 52.5050),
                    Map.of("title", "Voorstel " + k, "category", "green"))).expect(201);
        }
        assertEquals(6, total(planner.get(hotspots).expect(200).json()));
        assertEquals(6, total(planner.get(moran).expect(200).json()));

        resident.post("/api/projects/" + other + "/proposals", Fixtures.feature(point(5.5081, 52.5081),
                Map.of("title", "Nog een", "category", "green"))).expect(201);

        assertEquals(7, total(planner.get(hotspots).expect(200).json()));
        assertEquals(7, total(planner.get(moran).expect(200).json()));
    }

    @Test
    void participationIsCountedAfreshForACommentChangesItWithoutChangingTheProposals() {
        String moran = path("moran", "?unit=areas&set=" + setId + "&measure=participation&permutations=0");
        JsonNode before = planner.get(moran).expect(200).json();
        var newcomer = server.signedIn("newcomer@test.example", Role.RESIDENT);
        jdbi.useTransaction(h -> h.createUpdate("""
                UPDATE accounts SET home_area_id = (SELECT min(id) FROM areas WHERE area_set_id = :set)
                 WHERE email = 'newcomer@test.example'""").bind("set", setId).execute());
        long proposal = jdbi.withHandle(h -> h.createQuery("SELECT min(id) FROM proposals WHERE project_id = :project")
                .bind("project", projectId).mapTo(Long.class).one());
        newcomer.post("/api/proposals/" + proposal + "/comments", Fixtures.feature(null, Map.of("body", "Mee eens")))
                .expect(201);

        JsonNode after = planner.get(moran).expect(200).json();
        var first = before.get("features").get(0).get("properties");
        var again = after.get("features").get(0).get("properties");
        assertEquals(first.get("unit"), again.get("unit"));
        assertTrue(again.get("value").asDouble() > first.get("value").asDouble(),
                "one more participant in the first area: " + first.get("value") + " then " + again.get("value"));
    }

    private static long total(JsonNode json) {
        long sum = 0;
        for (JsonNode f : json.get("features")) {
            sum += f.get("properties").get("proposals").asLong();
        }
        return sum;
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        var anyone = server.anonymous();
        for (var bad : List.of(List.of("hotspots", "?unit=areas", "set"), List.of("hotspots", "?weights=queen", "weights"),
                List.of("hotspots", "?k=0&weights=knn", "k"), List.of("hotspots", "?permutations=10000", "permutations"),
                List.of("hotspots", "?band=0", "band"), List.of("hotspots", "?unit=streets", "unit"),
                List.of("hotspots", "?size=1", "size"), List.of("moran", "?measure=participation", "measure"),
                List.of("moran", "?alpha=0.2", "alpha"), List.of("moran", "?eps=3", "eps"),
                List.of("hotspots", "?unit=areas&set=999999", "set"))) {
            var r = anyone.get(path(bad.get(0), bad.get(1))).expect(400);
            assertTrue(r.body().contains("\"" + bad.get(2) + "\""), bad + ": " + r.body());
        }
    }
}
