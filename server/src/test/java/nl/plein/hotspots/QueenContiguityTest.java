package nl.plein.hotspots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import nl.plein.support.Fixtures;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Queen contiguity as spdep's poly2nb finds it, on the named fixture hotspots/contiguity.geojson
 * (fourteen areas in RD New: shared edges and corners, a 0.3 m sliver overlap without a vertex in
 * common, gaps of 4 mm and 3 cm, a corner on another area's edge, an enclave in a hole, and a true
 * island). The expected neighbours, contiguity-queen-nb.csv, come from poly2nb with the same snap
 * (queen.R beside it says how). The set is loaded through the upload API, as an admin would.
 */
class QueenContiguityTest {
    static TestServer server;
    static Client admin;
    static long setId;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start();
        admin = server.signedIn("admin@test.example", Role.ADMIN);
        setId = admin.raw("POST", "/api/area-sets?name=Contiguity&dryRun=false&codeField=code&nameField=naam",
                "application/geo+json", resource("contiguity.geojson")).expect(201).json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = QueenContiguityTest.class.getResourceAsStream("/hotspots/" + name)) {
            return in.readAllBytes();
        }
    }

    /** "code,neighbour" for every directed pair of poly2nb's list. */
    private static Set<String> expectedPairs() throws IOException {
        var lines = new String(resource("contiguity-queen-nb.csv"), StandardCharsets.UTF_8).strip().split("\n");
        var pairs = new TreeSet<String>(List.of(lines).subList(1, lines.length));
        assertEquals(lines.length - 1, pairs.size(), "poly2nb lists each pair once");
        return pairs;
    }

    private static Map<Long, String> codes() {
        return Jdbis.create(server.dataSource).withHandle(h -> h.createQuery(
                "SELECT id, code FROM areas WHERE area_set_id = :set").bind("set", setId)
                .reduceResultSet(new HashMap<Long, String>(), (codes, rs, ctx) -> {
                    codes.put(rs.getLong(1), rs.getString(2));
                    return codes;
                }));
    }

    @Test
    void neighboursShareAVertexWithinTheSnapAsPoly2nbFindsThemNotAnOverlappingSliverOrAnEdge() throws Exception {
        Map<Long, long[]> queen;
        queen = Jdbis.create(server.dataSource).withHandle(h -> QueenContiguity.of(h, setId));
        var codes = codes();
        var pairs = new TreeSet<String>();
        queen.forEach((id, neighbours) -> {
            for (long n : neighbours) {
                pairs.add(codes.get(id) + "," + codes.get(n));
            }
        });
        assertEquals(expectedPairs(), pairs);
        var islands = new TreeSet<String>(codes.values());
        queen.keySet().forEach(id -> islands.remove(codes.get(id)));
        assertEquals(Set.of("Q09", "Q12"), islands, "the island, and the area whose corners only lie on an edge");
    }

    @Test
    void aHotSpotAnswerOverTheSetListsItsIslandsAndStatesTheSnap() throws SQLException {
        var jdbi = Jdbis.create(server.dataSource);
        var outline = jdbi.withHandle(h -> h.createQuery("""
                SELECT ST_AsGeoJSON(ST_Expand(ST_Extent(geom), 0.001)::geometry) FROM areas WHERE area_set_id = :set""")
                .bind("set", setId).mapTo(String.class).one());
        var project = Fixtures.project("Contiguity", List.of("point"), false);
        project.put("geometry", nl.plein.http.Json.parse(outline.getBytes(StandardCharsets.UTF_8)));
        long projectId = admin.post("/api/projects", project).expect(201).json().get("id").asLong();
        var resident = server.signedIn("resident@test.example", Role.RESIDENT);
        // proposals in a few areas, so that the counts differ
        var inside = jdbi.withHandle(h -> h.createQuery("""
                SELECT code, ST_X(p), ST_Y(p) FROM (SELECT code, ST_PointOnSurface(geom) AS p FROM areas
                 WHERE area_set_id = :set AND code IN ('Q01', 'Q05', 'Q06', 'Q10')) a ORDER BY code""")
                .bind("set", setId).map((rs, ctx) -> new double[] {rs.getDouble(2), rs.getDouble(3)}).list());
        for (int k = 0; k < 12; k++) {
            double[] at = inside.get(k % (k < 8 ? 2 : inside.size()));
            resident.post("/api/projects/" + projectId + "/proposals", Fixtures.proposal(Fixtures.point(at[0], at[1]),
                    "Voorstel " + k)).expect(201);
        }
        JsonNode hot = server.signedIn("planner@test.example", Role.PLANNER)
                .get("/api/projects/" + projectId + "/analysis/hotspots?unit=areas&set=" + setId).expect(200).json();
        var islands = new TreeSet<String>();
        hot.get("islands").forEach(id -> islands.add(codes().get(id.asLong())));
        assertEquals(Set.of("Q09", "Q12"), islands);
        assertEquals(14, hot.get("units").asInt());
        assertTrue(hot.get("method").asText().contains("within 0.01 m"), hot.get("method").asText());
    }
}
