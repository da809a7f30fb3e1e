package nl.plein.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.Test;

/** GET /api/config tells the client what this server was configured with. */
class ClientSettingsTest {

    @Test
    void byDefaultThePdokBasemapComesThroughPleinAndAddressSearchIsOff() {
        try (var server = TestServer.start()) {
            var response = server.anonymous().get("/api/config").expect(200);
            var settings = response.json();
            assertEquals("pdok", settings.get("basemap").get("kind").asText());
            assertEquals("/tiles/{z}/{x}/{y}.png", settings.get("basemap").get("tiles").asText());
            assertEquals("Kaartgegevens © Kadaster", settings.get("basemap").get("attribution").asText());
            assertEquals(19, settings.get("basemap").get("maxZoom").asInt());
            assertFalse(settings.get("geocoder").get("enabled").asBoolean());
            assertEquals("[\"nl\",\"en\"]", settings.get("languages").toString());
            assertEquals("nl", settings.get("defaultLanguage").asText());
            assertEquals(120, settings.get("limits").get("maxTitleLength").asInt());
            assertEquals(5000, settings.get("limits").get("maxTextLength").asInt());
            assertEquals(2000, settings.get("limits").get("maxVertices").asInt());
        }
    }

    @Test
    void theSettingsFollowTheEnvironment() {
        try (var server = TestServer.start(Map.of("PLEIN_BASEMAP", "osm", "PLEIN_GEOCODER_URL",
                "https://geocoder.example/v3_1", "PLEIN_DEFAULT_LANGUAGE", "en", "PLEIN_MAX_VERTICES", "500",
                "PLEIN_MAX_TITLE_LENGTH", "80"))) {
            var settings = server.anonymous().get("/api/config").expect(200).json();
            assertEquals("osm", settings.get("basemap").get("kind").asText());
            assertEquals("© OpenStreetMap contributors", settings.get("basemap").get("attribution").asText());
            assertTrue(settings.get("geocoder").get("enabled").asBoolean());
            assertEquals("en", settings.get("defaultLanguage").asText());
            assertEquals(500, settings.get("limits").get("maxVertices").asInt());
            assertEquals(80, settings.get("limits").get("maxTitleLength").asInt());
        }
    }

    @Test
    void withoutABasemapThereAreNoTiles() {
        try (var server = TestServer.start(Map.of("PLEIN_BASEMAP", "none"))) {
            var settings = server.anonymous().get("/api/config").expect(200).json();
            assertEquals("none", settings.get("basemap").get("kind").asText());
            assertTrue(settings.get("basemap").get("tiles").isNull());
            server.anonymous().get("/tiles/0/0/0.png").expect(404);
        }
    }

    @Test
    void theContentSecurityPolicyAllowsNothingInlineAndNothingFromElsewhere() {
        try (var server = TestServer.start()) {
            String policy = server.anonymous().get("/api/config").expect(200).header("Content-Security-Policy");
            assertFalse(policy.contains("unsafe-inline"), policy);
            assertFalse(policy.contains("https:"), policy);
            for (String directive : new String[] {"script-src 'self'", "style-src 'self'",
                    "img-src 'self' data: blob:", "object-src 'none'", "frame-ancestors 'none'"}) {
                assertTrue(policy.contains(directive), directive + " in " + policy);
            }
        }
    }
}
