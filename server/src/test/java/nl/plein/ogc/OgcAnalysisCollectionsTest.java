package nl.plein.ogc;

import static nl.plein.ogc.OgcData.enc;
import static nl.plein.ogc.OgcData.href;
import static nl.plein.ogc.OgcData.ids;
import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.plein.accounts.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analysis collections of OGC API – Features: clusters-{projectId} (DBSCAN) and
 * hotspots-{projectId} (Gi* over hexagons), over real HTTP on real PostGIS. Besides the seven
 * proposals in a row of {@link OgcData} (68 m apart: no cluster at eps 100 m), the project gets a
 * tight group of twelve proposals in the north-east (and a thirteenth there that a moderator hides)
 * and one of six in the south-west, far from each other and from the row.
 */
class OgcAnalysisCollectionsTest extends OgcServer {
    private static final double NORTH_EAST_LON = 5.5080;
    private static final double NORTH_EAST_LAT = 52.5088;
    private static final double SOUTH_WEST_LON = 5.5020;
    private static final double SOUTH_WEST_LAT = 52.5012;

    @BeforeAll
    static void groups() {
        var residents = new ArrayList<nl.plein.support.Client>();
        for (int r = 0; r < 3; r++) {
            residents.add(server.signedIn("group" + r + "@test.example", Role.RESIDENT));
        }
        for (int i = 0; i < 12; i++) {
            residents.get(i % 3).post("/api/projects/" + data.projectId + "/proposals", proposal(point(
                    NORTH_EAST_LON + 0.00001 * (i % 4), NORTH_EAST_LAT + 0.00001 * (i / 4)), "Noordoost " + i)).expect(201);
        }
        for (int i = 0; i < 6; i++) {
            residents.get(i % 3).post("/api/projects/" + data.projectId + "/proposals", proposal(point(
                    SOUTH_WEST_LON + 0.00001 * i, SOUTH_WEST_LAT), "Zuidwest " + i)).expect(201);
        }
        long hidden = residents.get(0).post("/api/projects/" + data.projectId + "/proposals",
                proposal(point(NORTH_EAST_LON, NORTH_EAST_LAT), OgcData.SECRET)).expect(201).json().get("id").asLong();
        server.signedIn("mod2@test.example", Role.MODERATOR).post("/api/proposals/" + hidden + "/hide",
                Map.of("reason", "Off topic")).expect(201);
    }

    private static String clusters() {
        return "/ogc/collections/clusters-" + data.projectId;
    }

    private static String hotspots() {
        return "/ogc/collections/hotspots-" + data.projectId;
    }

    /** Every project has both analysis collections, with the project's extent. */
    @Test
    void req_core_sfc_md_success_forTheAnalysisCollections() {
        var ids = new ArrayList<String>();
        anyone.get("/ogc/collections").expect(200).json().get("collections").forEach(c -> ids.add(c.get("id").asText()));
        for (long project : List.of(data.projectId, data.premoderatedId)) {
            assertTrue(ids.contains("clusters-" + project), ids::toString);
            assertTrue(ids.contains("hotspots-" + project), ids::toString);
        }
        for (String path : List.of(clusters(), hotspots())) {
            JsonNode c = anyone.get(path).expect(200).json();
            JsonNode bbox = c.get("extent").get("spatial").get("bbox").get(0);
            assertEquals(5.50, bbox.get(0).asDouble(), 1e-9);
            assertEquals(52.51, bbox.get(3).asDouble(), 1e-9);
            assertTrue(c.get("description").asText().contains("small-count rule"), c::toString);
            assertTrue(href(c.get("links"), "items").endsWith(path + "/items"));
        }
        anyone.get("/ogc/collections/clusters-999999").expect(404);
        anyone.get("/ogc/collections/hotspots-999999/items").expect(404);
    }

    /**
     * The clusters are the DBSCAN analysis as anyone sees it: the twelve in the north-east (the hidden
     * thirteenth not counted), shown rounded to 10, then the six in the south-west, shown as 5.
     */
    @Test
    void clustersAreTheDbscanAnalysisAsAnyoneSeesIt() {
        JsonNode page = anyone.get(clusters() + "/items").expect(200).json();
        assertEquals(2, page.get("numberMatched").asInt(), page::toString);
        assertEquals(List.of(1L, 2L), ids(page));
        JsonNode first = page.get("features").get(0);
        assertEquals("10", first.get("properties").get("members").asText());
        assertEquals("5", page.get("features").get(1).get("properties").get("members").asText());
        assertEquals("Polygon", first.get("geometry").get("type").asText());
        assertTrue(contains(first.get("geometry"), NORTH_EAST_LON + 0.000015, NORTH_EAST_LAT + 0.00001), first::toString);
        assertFalse(page.toString().contains(OgcData.SECRET), page::toString);

        // The analysis page's clusters, but for the centre: in CRS84 it would contradict an answer in RD New.
        JsonNode analysis = anyone.get("/api/projects/" + data.projectId + "/analysis/clusters").expect(200).json();
        analysis.get("features").forEach(f -> ((com.fasterxml.jackson.databind.node.ObjectNode) f.get("properties"))
                .remove("centre"));
        assertEquals(properties(analysis), properties(page));
        assertFalse(first.get("properties").has("centre"), first::toString);

        // The 7 proposals in a row, 68 m apart, join no cluster at 100 m; at 150 m they make a third.
        assertEquals(3, anyone.get(clusters() + "/items?eps=150").expect(200).json().get("numberMatched").asInt());
        assertEquals(1, anyone.get(clusters() + "/items?minPoints=7").expect(200).json().get("numberMatched").asInt());
        assertEquals(0, anyone.get("/ogc/collections/clusters-" + data.premoderatedId + "/items").expect(200).json()
                .get("numberMatched").asInt());
        anyone.get(clusters() + "/items/1").expect(200);
        anyone.get(clusters() + "/items/3").expect(404);
    }

    /** The hot-spot cells are the Gi* analysis as anyone sees it, every hexagon over the project, keyed. */
    @Test
    void hotspotCellsAreTheGiStarAnalysisAsAnyoneSeesIt() {
        JsonNode page = anyone.get(hotspots() + "/items?limit=1000").expect(200).json();
        JsonNode analysis = anyone.get("/api/projects/" + data.projectId + "/analysis/hotspots").expect(200).json();
        JsonNode hexagons = anyone.get("/api/projects/" + data.projectId + "/analysis/hexbins").expect(200).json();
        assertEquals(hexagons.get("features").size(), page.get("numberMatched").asInt());
        assertEquals(properties(analysis), properties(page));
        // The cell of the north-east group holds its twelve public proposals (shown as 10, not 15: the
        // hidden one is not counted), and the hottest cell is that one or a neighbour: its centre within
        // √3 · 100 m (the next centre) + 100 m (the farthest a point of the cell lies from its centre).
        JsonNode group = null;
        JsonNode hottest = null;
        for (JsonNode f : page.get("features")) {
            if (contains(f.get("geometry"), NORTH_EAST_LON, NORTH_EAST_LAT)) {
                group = f;
            }
            if (hottest == null || f.get("properties").get("z").asDouble() > hottest.get("properties").get("z").asDouble()) {
                hottest = f;
            }
        }
        assertNotNull(group, page::toString);
        assertEquals("10", group.get("properties").get("proposals").asText(), group::toString);
        JsonNode ring = hottest.get("geometry").get("coordinates").get(0);
        double lon = 0;
        double lat = 0;
        for (int i = 1; i < ring.size(); i++) {
            lon += ring.get(i).get(0).asDouble() / (ring.size() - 1);
            lat += ring.get(i).get(1).asDouble() / (ring.size() - 1);
        }
        double metres = Math.hypot((lon - NORTH_EAST_LON) * 67_800, (lat - NORTH_EAST_LAT) * 111_200);
        assertTrue(metres < 274, () -> "the hottest cell is " + metres + " m from the group");
        long key = group.get("id").asLong();
        JsonNode one = anyone.get(hotspots() + "/items/" + key).expect(200).json();
        assertEquals(group.get("properties"), one.get("properties"));
        // A box around the north-east group holds its cell and a few neighbours, not the whole grid.
        int near = anyone.get(hotspots() + "/items?bbox=5.5079,52.5087,5.5081,52.5089").expect(200).json()
                .get("numberMatched").asInt();
        assertTrue(near >= 1 && near <= 3, () -> near + " cells");
        // Larger hexagons, fewer cells; without proposals no cell has a z, and every one is in class 0.
        assertTrue(anyone.get(hotspots() + "/items?size=300").expect(200).json().get("numberMatched").asInt()
                < page.get("numberMatched").asInt());
        JsonNode empty = anyone.get("/ogc/collections/hotspots-" + data.premoderatedId + "/items?limit=1000")
                .expect(200).json();
        assertTrue(empty.get("numberMatched").asInt() > 0);
        for (JsonNode f : empty.get("features")) {
            assertTrue(f.get("properties").get("z").isNull(), f::toString);
            assertEquals(0, f.get("properties").get("class").asInt());
        }
    }

    /**
     * Over a project too large for the cell limit at 100 m, the hot-spot collection still answers
     * without a size (with the smallest edge the limit allows), so a GIS client listing every
     * collection meets no refusal; a size below that is refused, naming the parameter.
     */
    @Test
    void hotspotCellsOfALargeProjectStayWithinTheCellLimit() {
        try (var small = nl.plein.support.TestServer.start(Map.of("PLEIN_ANALYSIS_MAX_CELLS", "100"))) {
            var admin = small.signedIn("admin@test.example", Role.ADMIN);
            // About 3.4 by 5.6 km: some 730 hexagons of 100 m.
            var area = nl.plein.support.Fixtures.polygon(5.50, 52.50, 5.55, 52.50, 5.55, 52.55, 5.50, 52.55, 5.50, 52.50);
            var settings = new java.util.HashMap<>(nl.plein.support.Fixtures.project("Wijk", List.of("point"), false));
            settings.put("geometry", area);
            long project = admin.post("/api/projects", settings).expect(201).json().get("id").asLong();
            var client = small.anonymous();
            JsonNode page = client.get("/ogc/collections/hotspots-" + project + "/items?limit=1000").expect(200).json();
            int cells = page.get("numberMatched").asInt();
            // The limit is checked on the estimate (the box over the cell area); edge cells add some.
            assertTrue(cells > 50 && cells <= 150, () -> cells + " cells");
            JsonNode problem = client.get("/ogc/collections/hotspots-" + project + "/items?size=100").expect(400).json();
            assertTrue(problem.toString().contains("size"), problem::toString);
        }
    }

    /** GDAL's OAPIF driver reads both analysis collections with their feature counts and fields. */
    @Test
    void req_core_fc_md_items_ogrinfoReadsTheAnalysisCollections() {
        String clusters = "clusters-" + data.projectId;
        String hotspots = "hotspots-" + data.projectId;
        String out = OgcGdalTest.run("ogrinfo", "-ro", "-so", "OAPIF:" + server.baseUrl + "/ogc", clusters, hotspots);
        long cells = anyone.get("/api/projects/" + data.projectId + "/analysis/hexbins").expect(200).json()
                .get("features").size();
        assertEquals(Map.of(clusters, 2L, hotspots, cells), OgcGdalTest.counts(out), out);
        assertTrue(out.contains("members: String"), out);
        assertTrue(out.contains("z: Real"), out);
        assertTrue(out.contains("class: Integer"), out);
    }

    /** A next link carries the collection's own parameters, so each page is of the same clusters. */
    @Test
    void req_core_fc_response_paging_keepsTheCollectionsParameters() {
        JsonNode page = anyone.get(clusters() + "/items?eps=150&limit=2").expect(200).json();
        assertEquals(3, page.get("numberMatched").asInt());
        String next = href(page.get("links"), "next");
        assertTrue(next.contains("eps=150"), next);
        JsonNode last = anyone.get(next.replaceFirst("^https?://[^/]+", "")).expect(200).json();
        assertEquals(List.of(3L), ids(last));
        assertEquals(3, last.get("numberMatched").asInt());
    }

    /** /req/core/query-param-invalid: a value out of range is a 400 problem naming the parameter. */
    @Test
    void req_core_query_param_invalid_forTheAnalysisParameters() {
        for (String bad : List.of("eps=0", "eps=abc", "eps=5001", "minPoints=0", "minPoints=1.5")) {
            JsonNode problem = anyone.get(clusters() + "/items?" + bad).expect(400).json();
            assertTrue(problem.toString().contains(bad.split("=")[0]), problem::toString);
        }
        for (String bad : List.of("size=0", "size=x", "size=10001")) {
            JsonNode problem = anyone.get(hotspots() + "/items?" + bad).expect(400).json();
            assertTrue(problem.toString().contains("size"), problem::toString);
        }
    }

    /** /req/core/query-param-unknown: each collection takes only its own parameters. */
    @Test
    void req_core_query_param_unknown_forTheAnalysisParameters() {
        anyone.get(proposals() + "/items?eps=100").expect(400);
        anyone.get(clusters() + "/items?size=100").expect(400);
        anyone.get(hotspots() + "/items?eps=100").expect(400);
        anyone.get(hotspots() + "/items?category=green").expect(400);
        anyone.get(clusters() + "/items/1?eps=" + enc("150")).expect(200);
        anyone.get(proposals() + "/items/" + data.publicIds.get(0) + "?size=100").expect(400);
    }

    /** Part 2: the analysis features come in RD New too, easting first. */
    @Test
    void req_crs_fc_crs_valid_value_forTheAnalysisCollections() {
        String rd = enc("http://www.opengis.net/def/crs/EPSG/0/28992");
        var response = anyone.get(clusters() + "/items?crs=" + rd).expect(200);
        assertEquals("<http://www.opengis.net/def/crs/EPSG/0/28992>", response.header("Content-Crs"));
        JsonNode corner = response.json().get("features").get(0).get("geometry").get("coordinates").get(0).get(0);
        // The north-east group, lon 5.5080 lat 52.5088, is x 163,201 y 502,353 in RD New (gdaltransform).
        assertEquals(163_201, corner.get(0).asDouble(), 10);
        assertEquals(502_353, corner.get(1).asDouble(), 10);
    }

    /** Feature id → properties, of a FeatureCollection. */
    private static Map<Long, JsonNode> properties(JsonNode collection) {
        var out = new TreeMap<Long, JsonNode>();
        for (JsonNode f : collection.get("features")) {
            long id = f.get("id").isNumber() ? f.get("id").asLong() : key(f.get("id").asText());
            out.put(id, f.get("properties"));
        }
        return out;
    }

    /** A hexagon's key from its label "i,j", as HexGrid packs it. */
    private static long key(String label) {
        String[] ij = label.split(",");
        return (Long.parseLong(ij[0]) << 32) | (Long.parseLong(ij[1]) & 0xffffffffL);
    }

    /** Whether a polygon's outer ring holds a point (ray casting). */
    private static boolean contains(JsonNode polygon, double x, double y) {
        JsonNode ring = polygon.get("coordinates").get(0);
        boolean inside = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double xi = ring.get(i).get(0).asDouble();
            double yi = ring.get(i).get(1).asDouble();
            double xj = ring.get(j).get(0).asDouble();
            double yj = ring.get(j).get(1).asDouble();
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }
}
