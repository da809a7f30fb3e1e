package nl.plein.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.plein.http.Json;
import nl.plein.support.Browser;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's messages read right for 0, 1 and 2 in Dutch and English: counts choose their noun
 * with the browser's Intl.PluralRules (also where one message holds several counts), and English
 * writes "an area", not "a area". Run in Chromium on the messages the server serves.
 */
class PluralMessagesTest {
    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    /** Each message as the client's i18n module writes it, in the language given. */
    private static String t(Page page, String language, String key, Map<String, Object> params) {
        return (String) page.evaluate("async ([language, key, params]) => {"
                + " const { createI18n } = await import('/js/i18n.js');"
                + " const i18n = await createI18n({ defaultLanguage: 'nl' });"
                + " await i18n.choose(language);"
                + " return i18n.t(key, params); }", List.of(language, key, params));
    }

    @Test
    void countsTakeTheirSingularAndPluralFormsInDutchAndEnglish() {
        Page page = browser.desktop();
        page.navigate(server.baseUrl + "/");
        assertEquals("0 clusters found.", t(page, "en", "analysis.clusters.loaded", Map.of("count", 0)));
        assertEquals("1 cluster found.", t(page, "en", "analysis.clusters.loaded", Map.of("count", 1)));
        assertEquals("2 clusters found.", t(page, "en", "analysis.clusters.loaded", Map.of("count", 2)));
        assertEquals("0 clusters gevonden.", t(page, "nl", "analysis.clusters.loaded", Map.of("count", 0)));
        assertEquals("1 cluster gevonden.", t(page, "nl", "analysis.clusters.loaded", Map.of("count", 1)));
        assertEquals("2 clusters gevonden.", t(page, "nl", "analysis.clusters.loaded", Map.of("count", 2)));

        // Several counts in one message, each with its own form; a published "<5" and a count the
        // client wrote as text ("1", "1,000") count too.
        assertEquals("1 cluster among 2 proposals; 0 proposals belong to none.", t(page, "en",
                "analysis.clusters.summary", Map.of("count", 1, "proposals", "2", "noise", "0")));
        assertEquals("2 clusters among 1,000 proposals; 1 proposal belongs to none.", t(page, "en",
                "analysis.clusters.summary", Map.of("count", 2, "proposals", "1,000", "noise", "1")));
        assertEquals("0 clusters onder <5 voorstellen; 1 voorstel hoort bij geen cluster.", t(page, "nl",
                "analysis.clusters.summary", Map.of("count", 0, "proposals", "<5", "noise", "1")));
        assertEquals("2 clusters onder 1 voorstel; 2 voorstellen horen bij geen cluster.", t(page, "nl",
                "analysis.clusters.summary", Map.of("count", 2, "proposals", "1", "noise", "2")));
        assertEquals("1 zeshoek: 0 hotspots, 1 coldspot.", t(page, "nl", "analysis.hotspots.loaded",
                Map.of("count", 1, "hot", 0, "cold", 1)));
        assertEquals("2 hexagons: 1 hot, 1 cold.", t(page, "en", "analysis.hotspots.loaded",
                Map.of("count", 2, "hot", 1, "cold", 1)));
        assertEquals("Map of hexagons by hot-spot class: 2 hot and 1 cold hexagon.", t(page, "en",
                "analysis.map.hotspots", Map.of("hot", 2, "cold", 1)));
        assertEquals("Cluster 3: 1 proposal", t(page, "en", "analysis.clusters.item", Map.of("number", 3, "members", "1")));
        assertEquals("Cluster 3: <5 voorstellen", t(page, "nl", "analysis.clusters.item",
                Map.of("number", 3, "members", "<5")));
        assertEquals("This is too short: at least 1 character.", t(page, "en", "error.tooShort", Map.of("min", "1")));
        assertEquals("Dit is te kort: minstens 2 tekens.", t(page, "nl", "error.tooShort", Map.of("min", "2")));
        // The ".one"/".other" keys keep working beside the inline form.
        assertEquals("1 proposal", t(page, "en", "proposals.count", Map.of("count", 1)));
        assertEquals("2 voorstellen", t(page, "nl", "proposals.count", Map.of("count", 2)));

        assertEquals("Location: an area, drawn on the map.", t(page, "en", "location.chosen",
                Map.of("kind", "area", "method", "drawn on the map")));
        assertEquals("Location: a line, drawn on the map.", t(page, "en", "location.chosen",
                Map.of("kind", "line", "method", "drawn on the map")));
        assertTrue(t(page, "en", "keyboard.started", Map.of("kind", "area")).startsWith("Keyboard drawing of an area started."));
        assertEquals("Locatie: een vlak, op de kaart.", t(page, "nl", "location.chosen",
                Map.of("kind", "vlak", "method", "op de kaart")));
        browser.assertNoErrors("the messages");
    }

    /** No English message puts "a" before a word that starts with a vowel, or before a placeholder. */
    @Test
    void englishMessagesNeverWriteAWhereAnBelongs() throws Exception {
        JsonNode en = Json.parse(Files.readAllBytes(Path.of("..", "map-client", "messages", "en.json")));
        var wrong = new ArrayList<String>();
        var aBeforeVowel = Pattern.compile("(?i)\\ba [aeio]|\\ba \\{");
        en.fields().forEachRemaining(e -> {
            String text = e.getValue().asText().replace("a {kind}}", "");
            if (aBeforeVowel.matcher(text).find()) {
                wrong.add(e.getKey() + ": " + e.getValue().asText());
            }
        });
        assertEquals(List.of(), wrong);
    }
}
