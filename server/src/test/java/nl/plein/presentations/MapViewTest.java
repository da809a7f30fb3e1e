package nl.plein.presentations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nl.plein.http.ApiError;
import nl.plein.http.Json;
import org.junit.jupiter.api.Test;

/** A saved view, JSON in → JSON out: defaults written out, and a stored view reads back the same. */
class MapViewTest {
    private static String normalised(String json) {
        return MapView.parse(Json.parse(json.getBytes()), "view").toJson().toString();
    }

    @Test
    void defaultsAreWrittenOut() {
        assertEquals("{\"bbox\":[5.5,52.5,5.51,52.51],\"basemap\":false,\"layers\":{"
                        + "\"proposals\":{\"statuses\":[\"published\",\"under_consideration\",\"accepted\",\"rejected\",\"realised\"]},"
                        + "\"chosen\":{\"proposalIds\":[12,15],\"variants\":false},"
                        + "\"clusters\":{\"minPoints\":5},\"hotspots\":{},"
                        + "\"participation\":{\"set\":3}}}",
                normalised("""
                        {"bbox": [5.5, 52.5, 5.51, 52.51], "layers": {"participation": {"set": 3},
                         "hotspots": {}, "clusters": {}, "chosen": {"proposalIds": [12, 15]}, "proposals": {}}}"""));
    }

    @Test
    void aStoredViewReadsBackTheSame() {
        String stored = normalised("""
                {"bbox": [4.9, 52.3, 4.95, 52.4], "basemap": true,
                 "layers": {"proposals": {"statuses": ["accepted"]}, "clusters": {"eps": 80.5, "minPoints": 3}}}""");
        assertEquals(stored, normalised(stored));
    }

    @Test
    void theFieldOfARefusalHasTheGivenPrefix() {
        var e = assertThrows(ApiError.class, () -> MapView.parse(Json.parse(
                "{\"bbox\": [5.5, 52.5, 5.4, 52.6], \"layers\": {\"proposals\": {}}}".getBytes()), "slides[2].view"));
        assertEquals("slides[2].view.bbox", e.errors().get(0).field());
    }
}
