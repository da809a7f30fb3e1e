package nl.plein.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Passwords;
import nl.plein.areas.AreaAssignment;
import nl.plein.gisdata.demo.DemoData;
import nl.plein.support.Browser;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The participation dashboard in a real Chromium against a real Plein on PostGIS with the demo
 * data, nothing mocked: a planner sees raw counts on a choropleth, in a sortable table and as a
 * Lorenz curve, with downloads for the chosen period; a resident and an anonymous visitor see the
 * public form with no small count anywhere in the page. Axe-clean in both languages and on a phone.
 */
class DashboardTest {
    static TestServer server;
    static Browser browser;
    static long projectId;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        DemoData.loadIfEmpty(server.dataSource, Passwords::hash, AreaAssignment::assignAll);
        browser = new Browser();
        projectId = server.projectId("Herinrichting Marktplein");
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

    private static void signIn(Page page, String email) {
        Browser.signIn(page, server.baseUrl, email);
    }

    private static void openDashboard(Page page) {
        page.navigate(server.baseUrl + "/#/projects/" + projectId + "/participation");
        waitForFigures(page);
    }

    private static void waitForFigures(Page page) {
        page.locator("#part-status[data-state=\"ready\"]").waitFor();
        page.locator("#area-table").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    private static void language(Page page, String language) {
        if (language.equals(page.locator("html").getAttribute("lang"))) {
            return;
        }
        // The switch renders the page again; the old status must not pass for the new one.
        page.locator("#part-status").evaluate("s => s.setAttribute('data-old', '')");
        page.locator("#language-" + language).click();
        page.locator("#part-status:not([data-old])[data-state=\"ready\"]").waitFor();
        page.waitForCondition(() -> language.equals(page.locator("html").getAttribute("lang")));
        waitForFigures(page);
    }

    @SuppressWarnings("unchecked")
    private static List<String> column(Page page, String key) {
        return (List<String>) page.evaluate("key => [...document.querySelectorAll(`#area-table tbody [data-col=\"${key}\"]`)]"
                + ".map(c => c.textContent)", key);
    }

    private static String sortOf(Page page, String key) {
        return page.locator("#sort-" + key).locator("xpath=..").getAttribute("aria-sort");
    }

    @Test
    void aPlannerSeesRawCountsAsMapTableLorenzCurveAndDownloads() {
        Page page = browser.desktop();
        signIn(page, "planner@demo.plein.test");
        page.navigate(server.baseUrl + "/#/projects/" + projectId);
        page.locator("#participation-link").click();
        waitForFigures(page);

        assertEquals("raw", page.locator("#participation-view").getAttribute("data-view"));
        int rows = page.locator("#area-table tbody tr").count();
        assertTrue(rows > 5, "the demo town has neighbourhoods: " + rows);
        assertEquals(rows, page.locator("#participation-map path.leaflet-interactive").count(),
                "one shape on the choropleth per area");
        assertTrue(page.locator("#participation-map").getAttribute("aria-label").length() > 20, "the map says what it shows");
        assertTrue(page.locator("#part-legend li").count() >= 2, "legend with classes");

        // Sorting: by name ascending, then descending, then by participants (most first).
        page.locator("#sort-name").click();
        assertEquals("ascending", sortOf(page, "name"));
        List<String> names = column(page, "name");
        @SuppressWarnings("unchecked")
        List<String> sorted = (List<String>) page.evaluate(
                "names => [...names].sort((a, b) => a.localeCompare(b, document.documentElement.lang))", names);
        assertEquals(sorted, names, "names in order");
        assertTrue(page.evaluate("() => document.activeElement.id").equals("sort-name"), "focus stays on the sort button");
        page.locator("#sort-name").click();
        assertEquals("descending", sortOf(page, "name"));
        List<String> reversed = new ArrayList<>(names);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, column(page, "name"));
        assertEquals(null, sortOf(page, "participants"));
        page.locator("#sort-participants").click();
        assertEquals("descending", sortOf(page, "participants"));
        assertEquals(null, sortOf(page, "name"));
        List<Integer> counts = column(page, "participants").stream().map(s -> Integer.parseInt(s.replaceAll("\\D", ""))).toList();
        for (int i = 1; i < counts.size(); i++) {
            assertTrue(counts.get(i - 1) >= counts.get(i), "participants descending: " + counts);
        }
        assertTrue(column(page, "participants").stream().noneMatch(s -> s.contains("<") || s.equals("x")),
                "the raw view hides nothing");

        // Lorenz curve and indices, raw view only.
        assertEquals(1, page.locator("svg#lorenz-chart").count());
        assertTrue(page.locator("svg#lorenz-chart polyline").count() == 1);
        assertTrue(page.locator("svg#lorenz-chart circle").count() > 0);
        assertTrue(page.locator("#part-gini").textContent().contains("Gini"));

        // Under-represented neighbourhoods: exactly the areas the table marks so.
        int under = page.locator("#area-table tbody tr[data-representation=\"UNDER\"]").count();
        assertEquals(under, page.locator("#under-list li").count());

        // Other measures and natural breaks redraw without a new request failing.
        page.locator("#part-measure").selectOption("ratio");
        page.locator("#part-measure").selectOption("ratePer1000");
        page.locator("#part-classification").selectOption("jenks");
        assertTrue(page.locator("#part-legend li").count() >= 2);
        int flows = page.locator("#flow-table tbody tr").count();
        assertTrue(flows > 0, "the demo has proposals by people with a home area");
        page.locator("#part-show-flows").check();
        assertTrue(page.locator("#participation-map path.leaflet-interactive").count() > rows, "flows drawn as lines");

        // The chosen period goes into every download link, with the area set.
        page.locator("#part-from").fill("2020-01-01");
        waitForFigures(page);
        page.locator("#part-to").fill("2030-12-31");
        waitForFigures(page);
        String set = page.locator("#part-set").inputValue();
        assertFalse(set.isEmpty(), "the area set shown is selected");
        for (String link : List.of("csv-areas", "csv-flows", "csv-weekly", "geojson-areas", "geojson-flows")) {
            String href = page.locator("#export-" + link).getAttribute("href");
            assertTrue(href.contains("table=" + link.substring(link.indexOf('-') + 1)), href);
            assertTrue(href.contains("set=" + set), href);
            assertTrue(href.contains("from=2020-01-01"), href);
            assertTrue(href.contains("to=2030-12-31"), href);
            assertTrue(page.locator("#export-" + link).getAttribute("download") != null, href);
            Client.Response response = server.anonymous().get(href);
            assertEquals(200, response.status(), href);
        }

        // The project's data as files: every dataset in every format, with its dictionary.
        for (String dataset : List.of("proposals", "variants", "comments", "participation")) {
            for (String kind : List.of("gpkg", "geojson", "csv", "excel", "dictionary", "dictionary-json")) {
                String href = page.locator("#export-" + dataset + "-" + kind).getAttribute("href");
                assertEquals(200, server.anonymous().get(href).status(), href);
            }
        }
        assertTrue(page.locator("#export-participation-gpkg").getAttribute("href").contains("set=" + set));

        for (String language : List.of("en", "nl")) {
            language(page, language);
            assertEquals("2020-01-01", page.locator("#part-from").inputValue(), "choices survive a language switch");
            Browser.assertAccessible(page, "dashboard, planner, " + language);
        }
        browser.assertNoErrors("the planner's dashboard");
    }

    @Test
    void residentsAndVisitorsSeeThePublicFormWithoutSmallCounts() {
        Page resident = browser.desktop();
        signIn(resident, "anna.devries@demo.plein.test");
        resident.navigate(server.baseUrl + "/#/projects/" + projectId);
        resident.locator("#proposal-list").waitFor();
        assertEquals(0, resident.locator("#participation-link").count(), "the link is for planners");
        Page anonymous = browser.desktop();
        for (Page page : List.of(resident, anonymous)) {
            openDashboard(page);
            assertEquals("public", page.locator("#participation-view").getAttribute("data-view"));
            @SuppressWarnings("unchecked")
            List<String> bare = (List<String>) page.evaluate("() => [...document.querySelectorAll('td, th, li, dd, dt')]"
                    + ".map(e => e.textContent.trim()).filter(t => /^[1-4]$/.test(t))");
            assertEquals(List.of(), bare, "no count below 5 in the public view");
            assertEquals(0, page.locator("#lorenz-chart").count());
            assertEquals(0, page.locator("svg circle.chart-point").count(), "no Lorenz points");
            assertTrue(page.locator("#lorenz-note").isVisible());
            assertTrue(page.locator("#participation-map path.leaflet-interactive").count() > 0);
            Browser.assertAccessible(page, "dashboard, public view");
        }
        browser.assertNoErrors("the public dashboard");
    }

    @Test
    void onAPhoneTheControlsStackAndTablesScrollInsideTheirOwnRegion() {
        Page page = browser.phone();
        signIn(page, "planner@demo.plein.test");
        openDashboard(page);
        for (String language : List.of("nl", "en")) {
            language(page, language);
            Browser.assertAccessible(page, "dashboard on a phone in " + language);
        }
        int pageWidth = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        assertTrue(pageWidth <= 360, "the page itself does not scroll sideways: " + pageWidth);
        assertEquals(page.locator("#part-set").boundingBox().x, page.locator("#part-from").boundingBox().x, 1.0,
                "controls stack");
        var region = page.locator(".table-scroll").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHas(page.locator("#area-table")));
        assertEquals("0", region.getAttribute("tabindex"));
        assertEquals("region", region.getAttribute("role"));
        assertTrue(((Number) region.evaluate("r => r.scrollWidth - r.clientWidth")).intValue() > 0,
                "the wide table scrolls inside its region");
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) page.evaluate("""
                () => [...document.querySelectorAll('a[href], button, input, select, summary, [tabindex="0"]')]
                  .filter(el => el.offsetParent !== null && !el.closest('p, li'))
                  .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.width < 24 || r.height < 24); })
                  .map(el => el.outerHTML.slice(0, 80))""");
        assertEquals(List.of(), small, "touch targets under 24 px");
        browser.assertNoErrors("the dashboard on a phone");
    }

    @Test
    @SuppressWarnings("unchecked")
    void classesAreQuantilesOrNaturalBreaks() {
        Page page = browser.desktop();
        page.navigate(server.baseUrl + "/#/");
        page.locator("h1").first().waitFor();
        // The module the page uses, run in the browser that runs the page.
        Map<String, Object> result = (Map<String, Object>) page.evaluate("""
                async () => {
                  const { quantileBreaks, jenksBreaks, classOf, RATIO_BREAKS } = await import('/js/classify.js');
                  const values = [1, 2, 3, 10, 11, 12, 30, 31, 50, 51, 52, 100];
                  return {
                    jenks: jenksBreaks(values, 5),
                    quantiles: quantileBreaks(values, 4),
                    same: jenksBreaks([7, 7, 7], 5),
                    classes: values.map(v => classOf(v, jenksBreaks(values, 5))),
                    ratio: [0.3, 0.9, 1, 1.3, 4].map(v => classOf(v, RATIO_BREAKS)),
                    nothing: quantileBreaks([null, NaN], 5),
                    zeros: quantileBreaks([0, 0, 0, 0, 0, 0, 0, 0, 3, 75], 5),
                  };
                }""");
        // Natural breaks find the gaps: {1,2,3} {10,11,12} {30,31} {50,51,52} {100}.
        assertEquals(List.of(1, 3, 12, 31, 52, 100), ints(result.get("jenks")));
        assertEquals(List.of(0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 3, 4), ints(result.get("classes")));
        // Quartiles: three values in each class.
        assertEquals(List.of(1, 3, 12, 50, 100), ints(result.get("quantiles")));
        assertEquals(List.of(7, 7), ints(result.get("same")), "one class when every value is the same");
        assertEquals(List.of(0, 2, 2, 3, 4), ints(result.get("ratio")), "ratio classes are centred on 1");
        assertEquals(List.of(), ints(result.get("nothing")));
        assertEquals(List.of(0, 0, 75), ints(result.get("zeros")), "many zeros are a class of their own, not lumped with 75");
        browser.assertNoErrors("classification");
    }

    private static List<Integer> ints(Object list) {
        return ((List<?>) list).stream().map(n -> ((Number) n).intValue()).toList();
    }
}
