package nl.plein.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import nl.plein.accounts.Passwords;
import nl.plein.areas.AreaAssignment;
import nl.plein.gisdata.demo.DemoData;
import nl.plein.support.Browser;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WCAG 2.1 AA beyond what one page's axe run shows: both languages, focus, targets, contrast. */
class AccessibilityTest {
    static TestServer server;
    static Browser browser;
    static long projectId;
    static long proposalId;
    static VoteWalk votes;
    static WorksWalk works;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        DemoData.loadIfEmpty(server.dataSource, Passwords::hash, AreaAssignment::assignAll);
        browser = new Browser();
        JsonNode project = server.anonymous().get("/api/projects").json().get("features").get(0);
        projectId = project.get("id").asLong();
        proposalId = server.anonymous().get("/api/proposals?project=" + projectId + "&limit=1").json()
                .get("features").get(0).get("id").asLong();
        votes = new VoteWalk(server);
        works = new WorksWalk(server);
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
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    }

    private static void open(Page page, VoteWalk.State state) {
        open(page, state.hash());
        state.step().accept(page);
    }

    private static Page signedIn(int width, int height) {
        return signedIn(width, height, "anna.devries@demo.plein.test");
    }

    private static Page signedIn(int width, int height, String email) {
        Page page = browser.page(width, height);
        Browser.signIn(page, server.baseUrl, email);
        return page;
    }

    private static void language(Page page, String language) {
        page.locator("#language-" + language).click();
        page.waitForCondition(() -> language.equals(page.locator("html").getAttribute("lang")));
    }

    @Test
    void everyPagePassesAxeInEnglishAsInDutch() {
        Page page = signedIn(360, 740);
        for (String language : List.of("en", "nl")) {
            language(page, language);
            for (String hash : List.of("/", "/projects/" + projectId, "/projects/" + projectId + "/new",
                    "/proposals/" + proposalId, "/proposals/" + proposalId + "/variant", "/account", "/signup")) {
                open(page, hash);
                Browser.assertAccessible(page, hash + " in " + language);
            }
            for (String hash : works.hashes()) {
                open(page, hash);
                Browser.assertAccessible(page, hash + " in " + language);
            }
        }
        // The vote pages: the ballot as a resident who votes in it, a planner's set-up and management.
        Page voter = signedIn(360, 740, votes.voter);
        Page planner = signedIn(360, 740, "planner@demo.plein.test");
        for (String language : List.of("en", "nl")) {
            language(voter, language);
            for (var state : votes.residentStates()) {
                open(voter, state);
                Browser.assertAccessible(voter, state.name() + " in " + language);
            }
            language(planner, language);
            for (var state : votes.plannerStates()) {
                open(planner, state);
                Browser.assertAccessible(planner, state.name() + " in " + language + " for a planner");
            }
            for (String hash : works.hashes()) {
                open(planner, hash);
                Browser.assertAccessible(planner, hash + " in " + language + " for a planner");
            }
        }
        browser.assertNoErrors("all pages in both languages");
    }

    @Test
    void theMapIsNoKeyboardTrap() {
        Page page = browser.desktop();
        open(page, "/projects/" + projectId);
        page.locator(".leaflet-container").first().focus();
        // Markers and controls in the map are reachable by Tab; past the last one, focus must go on.
        int inside = ((Number) page.evaluate("() => document.querySelector('.leaflet-container')"
                + ".querySelectorAll('a[href], button, [tabindex]:not([tabindex=\"-1\"])').length")).intValue();
        boolean left = false;
        for (int i = 0; i < inside + 5 && !left; i++) {
            page.keyboard().press("Tab");
            left = (boolean) page.evaluate("() => !document.activeElement.closest('.leaflet-container')");
        }
        assertTrue(left, "Tab leaves the map");
        page.locator(".leaflet-container").first().focus();
        page.keyboard().press("Shift+Tab");
        assertFalse((boolean) page.evaluate("() => document.activeElement === document.querySelector('.leaflet-container')"),
                "Shift+Tab leaves the map too");
    }

    @Test
    void everyTouchTargetIsAtLeast24PxOnAPhone() {
        Page page = signedIn(360, 740);
        var hashes = new java.util.ArrayList<>(List.of("/", "/projects/" + projectId, "/projects/" + projectId + "/new",
                "/proposals/" + proposalId));
        hashes.addAll(works.hashes());
        for (String hash : hashes) {
            open(page, hash);
            assertEquals(List.of(), smallTargets(page), "targets under 24 px on " + hash);
        }
        Page voter = signedIn(360, 740, votes.voter);
        for (var state : votes.residentStates()) {
            open(voter, state);
            assertEquals(List.of(), smallTargets(voter), "targets under 24 px on " + state.name());
        }
        Page planner = signedIn(360, 740, "planner@demo.plein.test");
        for (var state : votes.plannerStates()) {
            open(planner, state);
            assertEquals(List.of(), smallTargets(planner), "targets under 24 px on " + state.name());
        }
    }

    /** The targets a finger must hit that are narrower or lower than 24 px (links in running text aside). */
    @SuppressWarnings("unchecked")
    private static List<String> smallTargets(Page page) {
        return (List<String>) page.evaluate("""
                () => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex="0"]')]
                  .filter(el => el.offsetParent !== null && !el.closest('p, li.comment'))
                  .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.width < 24 || r.height < 24); })
                  .map(el => el.outerHTML.slice(0, 80))""");
    }

    @Test
    void drawnShapesContrastAtLeast3To1WithALightMap() throws Exception {
        String map = Files.readString(Path.of("..", "map-client", "js", "map.js"));
        var matcher = Pattern.compile("(\\w+): '#([0-9a-fA-F]{6})'").matcher(map.substring(map.indexOf("COLOURS")));
        int colours = 0;
        while (matcher.find() && colours < 20) {
            double ratio = contrast(matcher.group(2), "ffffff");
            assertTrue(ratio >= 3.0, matcher.group(1) + " has contrast " + ratio + " against white");
            ratio = contrast(matcher.group(2), "f2efe9");
            assertTrue(ratio >= 3.0, matcher.group(1) + " has contrast " + ratio + " against a light basemap");
            colours++;
        }
        assertTrue(colours >= 4);
    }

    private static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
