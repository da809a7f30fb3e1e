package nl.plein.browser;

import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.line;
import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.polygon;
import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Titles, comments, variants and display names written as markup stay text everywhere the map
 * client shows them: on every page and in every tooltip, opened by hovering the shapes on the maps
 * and focusing the markers. Nothing is made from them (no element, no handler run), and the
 * text shows literally.
 */
class HostileTextTest {
    static final String IMG = "<img src=x onerror=\"window.__pwned=1\">";
    static final String BOLD = "<b id=injected>x</b>";
    static final List<String> TITLES = List.of("Bank " + IMG, "Pad " + BOLD, "Plein " + IMG + BOLD,
            "Boom " + BOLD, "Lamp " + IMG, "Bord " + BOLD);
    /** Elements that only hostile text could have made. */
    static final String INJECTED = "() => document.querySelectorAll('#injected, img[src=\"x\"], b#injected').length";

    static TestServer server;
    static Browser browser;
    static long projectId;
    static long pointId;
    static long lineId;
    static long presentationId;
    static String meetingCode;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = new Browser();
        var accounts = new AccountStore(Jdbis.create(server.dataSource));
        String password = Passwords.hash(DemoData.DEMO_PASSWORD);
        accounts.create("chair@hostile.test", password, "Chair", Optional.empty(), Role.ADMIN);
        accounts.create("mallory@hostile.test", password, "Mallory " + IMG + BOLD, Optional.empty(), Role.RESIDENT);
        accounts.create("eve@hostile.test", password, "Eve " + BOLD, Optional.empty(), Role.RESIDENT);
        Client chair = new Client(server.baseUrl);
        chair.signIn("chair@hostile.test", DemoData.DEMO_PASSWORD);
        Client mallory = new Client(server.baseUrl);
        mallory.signIn("mallory@hostile.test", DemoData.DEMO_PASSWORD);
        projectId = chair.post("/api/projects", project("Plein " + BOLD, List.of("point", "line", "polygon"), false))
                .expect(201).json().get("id").asLong();
        String proposals = "/api/projects/" + projectId + "/proposals";
        // A point, a line and an area apart from each other, and a tight group of points (a cluster).
        pointId = post(mallory, proposals, point(5.5020, 52.5080), TITLES.get(0));
        lineId = post(mallory, proposals, line(5.5060, 52.5020, 5.5085, 52.5030), TITLES.get(1));
        post(mallory, proposals, polygon(5.5020, 52.5020, 5.5035, 52.5020, 5.5035, 52.5030, 5.5020, 52.5030, 5.5020, 52.5020),
                TITLES.get(2));
        for (int i = 3; i < TITLES.size(); i++) {
            post(mallory, proposals, point(5.5070 + 0.0001 * i, 52.5070), TITLES.get(i));
        }
        mallory.post("/api/proposals/" + pointId + "/comments",
                feature(point(5.5022, 52.5078), Map.of("body", "Hier " + IMG + BOLD))).expect(201);
        Client eve = new Client(server.baseUrl);
        eve.signIn("eve@hostile.test", DemoData.DEMO_PASSWORD);
        eve.post("/api/proposals/" + lineId + "/variants",
                feature(line(5.5060, 52.5022, 5.5085, 52.5032), Map.of("title", "Anders " + BOLD + IMG,
                        "description", "Omdat " + IMG))).expect(201);
        presentationId = chair.post("/api/projects/" + projectId + "/presentations", Map.of("title", "Avond " + IMG))
                .expect(201).json().get("id").asLong();
        var bbox = List.of(5.50, 52.50, 5.51, 52.51);
        chair.post("/api/presentations/" + presentationId + "/slides", Map.of("title", "Alles " + BOLD, "text", IMG,
                "view", Map.of("bbox", bbox, "layers", Map.of("proposals", Map.of())))).expect(201);
        chair.post("/api/presentations/" + presentationId + "/slides", Map.of("title", "Gekozen", "text", "",
                "view", Map.of("bbox", bbox, "layers", Map.of("chosen", Map.of("proposalIds", List.of(pointId, lineId)))))).expect(201);
        chair.post("/api/presentations/" + presentationId + "/slides", Map.of("title", "Groepen", "text", "",
                "view", Map.of("bbox", bbox, "layers", Map.of("clusters", Map.of())))).expect(201);
        meetingCode = chair.post("/api/projects/" + projectId + "/meetings", Map.of("presentationId", presentationId))
                .expect(201).json().get("code").asText();
    }

    private static long post(Client client, String path, Object geometry, String title) {
        return client.post(path, feature(geometry, Map.of("title", title, "description", title, "category", "green")))
                .expect(201).json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    @BeforeEach
    void freshErrorLog() {
        browser.errors.clear();
    }

    private static void open(Page page, String hash) {
        page.navigate(server.baseUrl + "/#" + hash);
        page.locator("h1").first().waitFor();
        if (hash.contains("/show")) {
            page.locator(".slide-frame[data-state=\"ready\"]").waitFor();
        } else if (!hash.startsWith("/join/")) {
            // An attendee's page keeps its live-update stream open, so its network is never idle:
            // its callers wait for what they read instead.
            page.waitForLoadState(LoadState.NETWORKIDLE);
        }
    }

    /** Nothing on the page was made from what residents wrote. */
    private static void assertNothingInjected(Page page, String where) {
        assertEquals(0, ((Number) page.evaluate(INJECTED)).intValue(), "elements made from hostile text on " + where);
        assertEquals("undefined", page.evaluate("() => typeof window.__pwned"), "a handler from hostile text ran on " + where);
    }

    /**
     * Hovers every drawn shape of the map in {@code container} (at a point on its outline) and
     * focuses every marker, and returns the text of each tooltip and marker name that appeared.
     */
    private static Set<String> openEveryTooltip(Page page, String container, String where) {
        return openEveryTooltip(page, container, where, true);
    }

    private static Set<String> openEveryTooltip(Page page, String container, String where, boolean shapesExpected) {
        var seen = new LinkedHashSet<String>();
        @SuppressWarnings("unchecked")
        List<List<Number>> points = (List<List<Number>>) page.evaluate("""
                (container) => [...document.querySelectorAll(container + ' path.leaflet-interactive')].map((path) => {
                  const length = path.getTotalLength();
                  const at = path.getPointAtLength(length / 2);
                  const m = path.getScreenCTM();
                  return [at.x * m.a + at.y * m.c + m.e, at.x * m.b + at.y * m.d + m.f];
                })""", container);
        assertTrue(!shapesExpected || !points.isEmpty(), "shapes to hover on " + where);
        // Labels that are always open (a cluster's) count as tooltips too.
        seen.addAll(page.locator(container + " .leaflet-tooltip").allTextContents());
        for (List<Number> at : points) {
            page.mouse().move(at.get(0).doubleValue(), at.get(1).doubleValue());
            page.waitForTimeout(50);
            seen.addAll(page.locator(container + " .leaflet-tooltip").allTextContents());
            assertNothingInjected(page, where + " (a tooltip open)");
        }
        Locator markers = page.locator(container + " .leaflet-marker-icon[tabindex=\"0\"]");
        for (int i = 0; i < markers.count(); i++) {
            markers.nth(i).focus();
            seen.addAll(page.locator(container + " .leaflet-tooltip").allTextContents());
            String name = markers.nth(i).getAttribute("aria-label");
            if (name != null) {
                seen.add(name);
            }
            assertNothingInjected(page, where + " (a marker focused)");
        }
        page.mouse().move(0, 0);
        return seen;
    }

    @Test
    void theProjectMapsTooltipsShowHostileTitlesAsText() {
        Page page = browser.desktop();
        open(page, "/");
        assertTrue(page.locator("#main").textContent().contains("Plein " + BOLD), "the project's title, literally");
        assertNothingInjected(page, "the projects page");
        open(page, "/projects/" + projectId);
        page.locator("#proposal-list li").nth(TITLES.size() - 1).waitFor();
        assertNothingInjected(page, "the project page");
        // Zoomed in one step, the map draws each proposal's own shape instead of clusters.
        page.locator("#project-map .leaflet-control-zoom-in").click();
        page.locator("#project-map path.leaflet-interactive").nth(TITLES.size() - 1).waitFor();
        Set<String> tooltips = openEveryTooltip(page, "#project-map", "the project map");
        for (String title : TITLES) {
            assertTrue(tooltips.contains(title), () -> "a tooltip shows '" + title + "' literally; seen: " + tooltips);
        }
        assertEquals(TITLES.size(), page.locator("#proposal-list li a").count());
        browser.assertNoErrors("the project page");
    }

    @Test
    void commentsVariantsAndNamesOnAProposalStayText() {
        Page page = browser.desktop();
        open(page, "/proposals/" + pointId);
        page.locator(".comment .body").waitFor();
        assertEquals("Hier " + IMG + BOLD, page.locator(".comment .body").textContent());
        assertTrue(page.locator(".comment .meta").textContent().contains("Mallory " + IMG + BOLD));
        Set<String> names = openEveryTooltip(page, "#proposal-map", "the proposal map");
        assertTrue(names.stream().anyMatch(n -> n.contains("Mallory " + IMG + BOLD)),
                () -> "the comment pin is named with its author, literally: " + names);
        assertNothingInjected(page, "a proposal with a hostile comment");

        open(page, "/proposals/" + lineId);
        page.locator(".variant h3").waitFor();
        assertEquals("Anders " + BOLD + IMG, page.locator(".variant h3").textContent());
        page.locator(".variant button[aria-pressed]").click();
        page.locator(".variant button[aria-expanded]").click();
        page.locator("table.comparison").waitFor();
        openEveryTooltip(page, "#proposal-map", "the proposal map with its variant");
        assertNothingInjected(page, "a proposal with a hostile variant");
        browser.assertNoErrors("proposal pages");
    }

    @Test
    void plannersPagesSlidesAndTheMeetingShowHostileTextAsText() {
        Page page = browser.desktop();
        Browser.signIn(page, server.baseUrl, "chair@hostile.test");
        open(page, "/projects/" + projectId + "/analysis");
        page.locator("#an-status[data-layer]").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertNothingInjected(page, "the analysis page");
        openEveryTooltip(page, "#main .leaflet-container", "the analysis map", false);
        open(page, "/projects/" + projectId + "/participation");
        assertNothingInjected(page, "the participation page");
        // Every request the page makes has been answered before its refusals are sorted out below.
        page.waitForLoadState(LoadState.NETWORKIDLE);
        // This project has no boundary set: participation answers 409 and the page says an administrator
        // can load one. That refusal is expected here; any other failed request still counts.
        browser.errors.removeIf(e -> e.startsWith("HTTP 409 for ") && e.contains("/participation")
                || e.startsWith("console: Failed to load resource: the server responded with a status of 409"));
        open(page, "/projects/" + projectId + "/presentations");
        assertTrue(page.locator("#presentation-list").textContent().contains("Avond " + IMG));
        open(page, "/presentations/" + presentationId + "/edit");
        assertTrue(page.locator("h1").textContent().contains("Avond " + IMG));
        assertNothingInjected(page, "the composer");
        var slideTexts = new ArrayList<Set<String>>();
        for (int n = 1; n <= 3; n++) {
            open(page, "/presentations/" + presentationId + "/show/" + n);
            page.locator("#live-code").waitFor();
            assertNothingInjected(page, "slide " + n);
            slideTexts.add(openEveryTooltip(page, "#projector-stage", "slide " + n, n < 3));
        }
        for (String title : TITLES) {
            assertTrue(slideTexts.get(0).contains(title), () -> "the slide's tooltip shows '" + title + "'; seen: " + slideTexts);
        }
        assertTrue(page.locator("#slide-title").textContent().equals("Groepen"));

        Page phone = browser.phone();
        Browser.signIn(phone, server.baseUrl, "mallory@hostile.test");
        open(phone, "/join/" + meetingCode);
        phone.locator("#join-proposals li").nth(TITLES.size() - 1).waitFor();
        assertTrue(phone.locator("#join-proposals").textContent().contains(TITLES.get(2)));
        assertNothingInjected(phone, "the meeting on a phone");
        browser.assertNoErrors("planners' pages");
    }
}
