package nl.plein.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.plein.support.StandIn;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.Test;

/** Address search through a stand-in PDOK Locatieserver on the loopback interface. */
class GeocoderTest {
    private static final String PDOK_ANSWER = """
            {"response": {"numFound": 2, "start": 0, "maxScore": 12.5, "docs": [
              {"type": "adres", "weergavenaam": "Stationsstraat 1, 1234AB Vijverdal",
               "centroide_ll": "POINT(5.5412 52.4963)"},
              {"type": "weg", "weergavenaam": "Stationsstraat, Vijverdal",
               "centroide_ll": "POINT(5.539 52.495)"}]}}""";

    @Test
    void matchesComeBackWithALabelATypeAndAPoint() {
        try (var pdok = new StandIn(new StandIn.Answer(200, "application/json",
                PDOK_ANSWER.getBytes(StandardCharsets.UTF_8)));
             var server = TestServer.start(Map.of("PLEIN_GEOCODER_URL", pdok.baseUrl() + "/search/v3_1"))) {
            var results = server.anonymous().get("/api/geocode?q=Stationsstraat%201%20%26%20co").expect(200).json()
                    .get("results");
            assertEquals(2, results.size());
            assertEquals("Stationsstraat 1, 1234AB Vijverdal", results.get(0).get("label").asText());
            assertEquals("adres", results.get(0).get("type").asText());
            assertEquals("Point", results.get(0).get("point").get("type").asText());
            assertEquals(5.5412, results.get(0).get("point").get("coordinates").get(0).asDouble(), 1e-9);
            assertEquals(52.4963, results.get(0).get("point").get("coordinates").get(1).asDouble(), 1e-9);
            String asked = pdok.requests().get(0);
            assertTrue(asked.startsWith("/search/v3_1/free?q=Stationsstraat+1+%26+co&rows=5"
                    + "&fl=weergavenaam,centroide_ll,type"), asked);
        }
    }

    @Test
    void theQuestionMustHaveTwoTo200Characters() {
        try (var server = TestServer.start(Map.of("PLEIN_GEOCODER_URL", "http://127.0.0.1:9"))) {
            var client = server.anonymous();
            assertEquals("q", client.get("/api/geocode").expect(400).json().get("errors").get(0).get("field").asText());
            assertEquals("q", client.get("/api/geocode?q=a").expect(400).json().get("errors").get(0).get("field").asText());
            client.get("/api/geocode?q=" + "a".repeat(201)).expect(400);
        }
    }

    @Test
    void anUnreachableOrBrokenServiceIsABadGateway() {
        try (var broken = new StandIn(new StandIn.Answer(200, "application/json", "not json".getBytes()))) {
            for (String url : new String[] {StandIn.unreachableBaseUrl(), broken.baseUrl()}) {
                try (var server = TestServer.start(Map.of("PLEIN_GEOCODER_URL", url))) {
                    var problem = server.anonymous().get("/api/geocode?q=Marktplein").expect(502).json();
                    assertEquals("the address search is not available right now", problem.get("detail").asText());
                    assertFalse(problem.toString().contains("Marktplein"), "the problem does not repeat the question");
                }
            }
        }
    }

    @Test
    void withoutAConfiguredServiceAddressSearchIsSwitchedOff() {
        try (var server = TestServer.start()) {
            var problem = server.anonymous().get("/api/geocode?q=Marktplein").expect(404).json();
            assertTrue(problem.get("type").asText().endsWith("/switched-off"), problem.toString());
            assertTrue(problem.get("detail").asText().contains("switched off"));
        }
    }
}
