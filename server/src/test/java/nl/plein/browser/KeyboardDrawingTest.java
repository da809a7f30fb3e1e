package nl.plein.browser;

import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import java.util.Optional;
import nl.plein.db.Jdbis;
import nl.plein.accounts.AccountStore;
import nl.plein.accounts.Passwords;
import nl.plein.accounts.Role;
import nl.plein.gisdata.demo.DemoData;
import nl.plein.support.Browser;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drawing a line by keyboard alone, listening to the live region as a screen reader user does:
 * moving the map tells where the crosshair is (distance and direction from the project area's
 * centre, inside or outside the area, points set), at most once a second however fast the keys
 * go; a point outside the project area is refused, and said so, when it is added; the line that
 * is sent lies inside the area. The position is told in English too.
 */
class KeyboardDrawingTest {
    /** Everything the live region says, with when, from the moment this runs. */
    private static final String LISTEN = """
            () => {
              window.__told = [];
              const region = document.getElementById('announcer');
              new MutationObserver(() => {
                if (region.textContent) window.__told.push([performance.now(), region.textContent]);
              }).observe(region, { childList: true, characterData: true, subtree: true });
            }""";

    static TestServer server;
    static Browser browser;
    static long projectId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = new Browser();
        var accounts = new AccountStore(Jdbis.create(server.dataSource));
        accounts.create("admin@keys.test", Passwords.hash(DemoData.DEMO_PASSWORD), "Admin", Optional.empty(), Role.ADMIN);
        accounts.create("joost@keys.test", Passwords.hash(DemoData.DEMO_PASSWORD), "Joost", Optional.empty(), Role.RESIDENT);
        Client admin = new Client(server.baseUrl);
        admin.signIn("admin@keys.test", DemoData.DEMO_PASSWORD);
        projectId = admin.post("/api/projects", project("Dorpsstraat", List.of("point", "line"), false)).expect(201)
                .json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    private static String said(Page page) {
        return page.locator("#announcer").textContent();
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> told(Page page) {
        return (List<List<Object>>) page.evaluate("() => window.__told");
    }

    private static void tabTo(Page page, String selector) {
        for (int i = 0; i < 80 && !(Boolean) page.locator(selector).evaluate("e => e === document.activeElement"); i++) {
            page.keyboard().press("Tab");
        }
        assertTrue((Boolean) page.locator(selector).evaluate("e => e === document.activeElement"), "Tab reaches " + selector);
    }

    /**
     * Presses {@code key} once at a time, each time waiting for the position it leads to be told
     * (at most a second later), until what is told contains {@code until}. Pressing faster would
     * let the crosshair cross a small area between two messages.
     */
    private static void pressUntil(Page page, String key, String until) {
        for (int i = 0; i < 40 && !said(page).contains(until); i++) {
            int before = told(page).size();
            page.keyboard().press(key);
            page.waitForCondition(() -> told(page).size() > before,
                    new Page.WaitForConditionOptions().setTimeout(3000));
        }
        assertTrue(said(page).contains(until), () -> "never told '" + until + "' after pressing " + key + "; told: " + told(page));
    }

    @Test
    void movingTellsWhereTheCrosshairIsAndAPointOutsideTheAreaIsRefused() {
        Page page = browser.desktop();
        Browser.signIn(page, server.baseUrl, "joost@keys.test");
        page.navigate(server.baseUrl + "/#/projects/" + projectId + "/new");
        page.locator("#proposal-form").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.evaluate(LISTEN);

        tabTo(page, "#keyboard-kind");
        page.keyboard().press("ArrowDown");
        assertEquals("line", page.locator("#keyboard-kind").inputValue());
        tabTo(page, "#keyboard-start");
        page.keyboard().press("Enter");
        page.waitForCondition(() -> said(page).startsWith("Tekenen van een lijn met het toetsenbord gestart"));

        page.keyboard().press("ArrowUp");
        page.waitForCondition(() -> said(page).contains("ten noorden van het midden van het projectgebied"));
        assertTrue(said(page).contains("binnen het projectgebied. 0 punten gezet."), said(page));
        page.keyboard().press("Enter");
        page.waitForCondition(() -> said(page).equals("Punt toegevoegd; 1 punt tot nu toe."));

        // Twenty quick presses (right and left in turn, ending where they began): the position is told at most once a second, and the last one is told.
        double before = ((Number) page.evaluate("() => performance.now()")).doubleValue();
        for (int i = 0; i < 20; i++) {
            page.keyboard().press(i % 2 == 0 ? "ArrowRight" : "ArrowLeft");
        }
        page.waitForTimeout(1300);
        var positions = told(page).stream()
                .filter(m -> ((Number) m.get(0)).doubleValue() > before && m.get(1).toString().contains("van het midden"))
                .toList();
        assertTrue(!positions.isEmpty(), "moving was told");
        for (int i = 1; i < positions.size(); i++) {
            double gap = ((Number) positions.get(i).get(0)).doubleValue() - ((Number) positions.get(i - 1).get(0)).doubleValue();
            assertTrue(gap >= 900, "positions told " + gap + " ms apart: " + positions);
        }
        assertTrue(positions.size() <= 3, "twenty presses, a few messages: " + positions);
        assertTrue(said(page).contains("1 punt gezet."), said(page));

        // Out of the area: adding is refused and said so; the line still has one point.
        pressUntil(page, "ArrowRight", "buiten het projectgebied");
        assertTrue(said(page).contains("ten oosten") || said(page).contains("ten noordoosten"), said(page));
        page.keyboard().press("Enter");
        page.waitForCondition(() -> said(page).startsWith("Niet toegevoegd: het kruis staat buiten het projectgebied."));
        page.keyboard().press("f");
        page.waitForCondition(() -> said(page).equals("Voeg eerst minstens 2 punten toe."));

        // Back inside: the second point is added and the line finished.
        pressUntil(page, "ArrowLeft", "binnen het projectgebied");
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        page.waitForCondition(() -> said(page).equals("Punt toegevoegd; 2 punten tot nu toe."));
        page.keyboard().press("f");
        page.waitForCondition(() -> page.locator("#location-status").textContent().contains("lijn"));
        assertTrue(!page.locator("#location-status").textContent().contains("buiten"), "the line lies inside the area");

        tabTo(page, "#proposal-title");
        page.keyboard().type("Stoep langs de Dorpsstraat");
        page.keyboard().press("Enter");
        page.waitForURL("**/#/proposals/*");
        long id = Long.parseLong(page.url().replaceAll(".*/proposals/(\\d+).*", "$1"));
        JsonNode geometry = server.anonymous().get("/api/proposals/" + id).expect(200).json().get("geometry");
        assertEquals("LineString", geometry.get("type").asText());
        assertEquals(2, geometry.get("coordinates").size());
        for (JsonNode position : geometry.get("coordinates")) {
            double lon = position.get(0).asDouble();
            double lat = position.get(1).asDouble();
            assertTrue(lon > 5.50 && lon < 5.51 && lat > 52.50 && lat < 52.51, "inside the project area: " + position);
        }
        browser.assertNoErrors("keyboard drawing");
    }

    @Test
    void thePositionIsToldInEnglish() {
        Page page = browser.desktop();
        Browser.signIn(page, server.baseUrl, "joost@keys.test");
        page.locator("#language-en").click();
        page.waitForCondition(() -> "en".equals(page.locator("html").getAttribute("lang")));
        page.navigate(server.baseUrl + "/#/projects/" + projectId + "/new");
        page.locator("#proposal-form").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.evaluate(LISTEN);
        tabTo(page, "#keyboard-start");
        page.keyboard().press("Enter");
        page.waitForCondition(() -> said(page).startsWith("Keyboard drawing of a point started"));
        page.keyboard().press("ArrowDown");
        page.waitForCondition(() -> said(page).contains("south of the project area's centre, inside the project area."));
        Browser.assertAccessible(page, "keyboard drawing in English");
        pressUntil(page, "ArrowDown", "outside the project area");
        page.keyboard().press("Enter");
        page.waitForCondition(() -> said(page).startsWith("Not added: the crosshair is outside the project area."));
        assertTrue(page.locator("#location-status").textContent().startsWith("No location"), page.locator("#location-status").textContent());
        browser.assertNoErrors("keyboard drawing in English");
    }
}
