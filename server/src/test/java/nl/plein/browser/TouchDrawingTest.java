package nl.plein.browser;

import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import java.util.Map;
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
 * On a phone (390 × 844, a touch screen), a resident draws a point, a line and an area with taps
 * of a finger on the map of the proposal form, and sends each. The taps fall across the project's
 * area, also in its upper middle, where the drawing toolbar's action strip used to lie; each tap
 * must reach the map, and nothing of the toolbar may lie on it.
 */
class TouchDrawingTest {
    static TestServer server;
    static Browser browser;
    static long projectId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = new Browser();
        var accounts = new AccountStore(Jdbis.create(server.dataSource));
        accounts.create("admin@touch.test", Passwords.hash(DemoData.DEMO_PASSWORD), "Admin", Optional.empty(), Role.ADMIN);
        accounts.create("sanne@touch.test", Passwords.hash(DemoData.DEMO_PASSWORD), "Sanne", Optional.empty(), Role.RESIDENT);
        Client admin = new Client(server.baseUrl);
        admin.signIn("admin@touch.test", DemoData.DEMO_PASSWORD);
        projectId = admin.post("/api/projects", project("Brink", List.of("point", "line", "polygon"), false)).expect(201)
                .json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    /** Where a fraction (fx, fy) of the project area's outline box lies on the screen. */
    private static double[] onArea(Page page, double fx, double fy) {
        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) page.evaluate("""
                () => { const r = document.querySelector('#new-proposal-map path').getBoundingClientRect();
                        return [r.x, r.y, r.width, r.height]; }""");
        return new double[] {box.get(0).doubleValue() + fx * box.get(2).doubleValue(),
                box.get(1).doubleValue() + fy * box.get(3).doubleValue()};
    }

    /** Taps the map with a finger, after checking that the map itself (no control over it) is there. */
    private static void tapMap(Page page, double fx, double fy) {
        double[] at = onArea(page, fx, fy);
        Object hit = page.evaluate("([x, y]) => { const e = document.elementFromPoint(x, y); "
                + "return e && e.closest('#new-proposal-map') && !e.closest('.leaflet-control') ? 'map' : (e ? e.outerHTML.slice(0, 120) : 'nothing'); }",
                List.of(at[0], at[1]));
        assertEquals("map", hit, "what lies on the map at " + fx + ", " + fy + " of the project area");
        page.touchscreen().tap(at[0], at[1]);
    }

    private JsonNode drawAndSend(Page page, String title, String tool, double[][] taps, boolean finish) {
        page.navigate(server.baseUrl + "/#/projects/" + projectId + "/new");
        page.locator("#proposal-form").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator("#new-proposal-map").scrollIntoViewIfNeeded();
        String none = page.locator("#location-status").textContent();
        page.locator("#" + tool).tap();
        page.locator("#new-proposal-map").scrollIntoViewIfNeeded();
        for (double[] tap : taps) {
            tapMap(page, tap[0], tap[1]);
        }
        if (finish) {
            page.locator(".button-container.active .action-finish").tap();
        }
        page.waitForCondition(() -> !page.locator("#location-status").textContent().equals(none),
                new Page.WaitForConditionOptions().setTimeout(5000));
        page.locator("#proposal-title").fill(title);
        page.locator("#proposal-submit").tap();
        page.waitForURL("**/#/proposals/*");
        long id = Long.parseLong(page.url().replaceAll(".*/proposals/(\\d+).*", "$1"));
        return server.anonymous().get("/api/proposals/" + id).expect(200).json();
    }

    @Test
    void aPointALineAndAnAreaAreDrawnWithAFingerAndSent() {
        Page page = browser.touchPhone(390, 844);
        Browser.signIn(page, server.baseUrl, "sanne@touch.test");
        assertTrue((Boolean) page.evaluate("() => matchMedia('(pointer: coarse)').matches && navigator.maxTouchPoints > 0"),
                "a touch screen");

        JsonNode point = drawAndSend(page, "Bank bij de linde", "draw-marker", new double[][] {{0.5, 0.4}}, false);
        assertEquals("Point", point.get("geometry").get("type").asText());

        JsonNode line = drawAndSend(page, "Fietspad langs de brink", "draw-polyline",
                new double[][] {{0.3, 0.35}, {0.55, 0.3}, {0.75, 0.45}}, true);
        assertEquals("LineString", line.get("geometry").get("type").asText());
        assertEquals(3, line.get("geometry").get("coordinates").size(), "every tap made a vertex");

        JsonNode area = drawAndSend(page, "Speelveld", "draw-polygon",
                new double[][] {{0.3, 0.3}, {0.7, 0.3}, {0.7, 0.6}, {0.3, 0.6}}, true);
        assertEquals("Polygon", area.get("geometry").get("type").asText());
        assertEquals(5, area.get("geometry").get("coordinates").get(0).size(), "four taps and the closing position");
        Browser.assertAccessible(page, "the proposal that was drawn by touch");
        browser.assertNoErrors("drawing by touch");
    }
}
