package nl.plein.ogc;

import static nl.plein.ogc.OgcData.enc;
import static nl.plein.ogc.OgcData.href;
import static nl.plein.ogc.OgcData.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * OGC API – Features Part 2 (CRS) at /ogc: CRS84 and RD New, with the axis order each prescribes.
 * Each test is named after the requirement it checks.
 */
class OgcCrsTest extends OgcServer {
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String RD = "http://www.opengis.net/def/crs/EPSG/0/28992";
    static final String LAT_LON = "http://www.opengis.net/def/crs/EPSG/0/4326";

    @Test
    void req_crs_crs_uri_definition() {
        JsonNode all = anyone.get("/ogc/collections").expect(200).json();
        var global = new TreeSet<String>();
        all.get("crs").forEach(u -> global.add(u.asText()));
        assertEquals(new TreeSet<>(Set.of(CRS84, LAT_LON, RD)), global);
        for (JsonNode c : all.get("collections")) {
            var crs = new TreeSet<String>();
            c.get("crs").forEach(u -> crs.add(u.asText()));
            assertEquals(global, crs);
            assertEquals(CRS84, c.get("storageCrs").asText());
        }
    }

    /** EPSG:4326 puts latitude first, in answers and in boxes; CRS84 is the same datum with longitude first. */
    @Test
    void req_crs_crs_action_latitudeFirstInEpsg4326() {
        long id = data.publicIds.get(0);
        var response = anyone.get(proposals() + "/items/" + id + "?crs=" + enc(LAT_LON)).expect(200);
        assertEquals("<" + LAT_LON + ">", response.header("Content-Crs"));
        JsonNode latLon = response.json().get("geometry").get("coordinates");
        assertEquals(52.505, latLon.get(0).asDouble(), 1e-9);
        assertEquals(5.5005, latLon.get(1).asDouble(), 1e-9);
        // The proposals lie at lon 5.5005 + 0.001·i, lat 52.505: this box, latitude first, holds i = 1, 2, 3.
        JsonNode page = anyone.get(proposals() + "/items?bbox-crs=" + enc(LAT_LON) + "&bbox=52.50,5.501,52.51,5.504")
                .expect(200).json();
        assertEquals(data.publicIds.subList(1, 4), ids(page));
        // The same numbers in CRS84's order, read latitude first, are a box far south of the proposals: empty.
        assertEquals(0, anyone.get(proposals() + "/items?bbox-crs=" + enc(LAT_LON) + "&bbox=5.501,52.50,5.504,52.51")
                .expect(200).json().get("numberMatched").asInt());
        anyone.get(proposals() + "/items?bbox-crs=" + enc(LAT_LON) + "&bbox=100,5,101,6").expect(400);
    }

    /** Coordinates come in the CRS asked for, with its axis order: RD New is easting, northing. */
    @Test
    void req_crs_crs_action() {
        long id = data.publicIds.get(0);
        var wgs = anyone.get(proposals() + "/items/" + id).expect(200);
        assertEquals("<" + CRS84 + ">", wgs.header("Content-Crs"));
        JsonNode lonLat = wgs.json().get("geometry").get("coordinates");
        assertEquals(5.5005, lonLat.get(0).asDouble(), 1e-9);
        assertEquals(52.505, lonLat.get(1).asDouble(), 1e-9);
        var rd = anyone.get(proposals() + "/items/" + id + "?crs=" + enc(RD)).expect(200);
        assertEquals("<" + RD + ">", rd.header("Content-Crs"));
        JsonNode xy = rd.json().get("geometry").get("coordinates");
        // gdaltransform with RD New's proj string (Bessel, 7-parameter towgs84) gives 162 692.41, 501 929.27.
        assertEquals(162_692.41, xy.get(0).asDouble(), 1);
        assertEquals(501_929.27, xy.get(1).asDouble(), 1);
        var page = anyone.get(proposals() + "/items?crs=" + enc(RD)).expect(200);
        assertEquals("<" + RD + ">", page.header("Content-Crs"));
        assertTrue(page.json().get("features").get(0).get("geometry").get("coordinates").get(0).asDouble() > 100_000);
    }

    @Test
    void req_crs_fc_crs_valid_value() {
        anyone.get(proposals() + "/items?crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/3857")).expect(400);
        anyone.get(proposals() + "/items?bbox-crs=EPSG:28992&bbox=1,2,3,4").expect(400);
    }

    @Test
    void req_crs_fc_bbox_crs_action() {
        JsonNode lonLat = anyone.get(proposals() + "/items/" + data.publicIds.get(2) + "?crs=" + enc(RD)).json()
                .get("geometry").get("coordinates");
        double x = lonLat.get(0).asDouble();
        double y = lonLat.get(1).asDouble();
        String box = (x - 20) + "," + (y - 20) + "," + (x + 20) + "," + (y + 20);
        JsonNode page = anyone.get(proposals() + "/items?bbox-crs=" + enc(RD) + "&bbox=" + box).expect(200).json();
        assertEquals(List.of(data.publicIds.get(2)), ids(page));
        assertNull(href(page.get("links"), "next"));
    }
}
