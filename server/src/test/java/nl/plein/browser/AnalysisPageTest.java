package nl.plein.browser;

import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Passwords;
import nl.plein.accounts.Role;
import nl.plein.areas.AreaAssignment;
import nl.plein.db.Jdbis;
import nl.plein.gisdata.demo.DemoData;
import nl.plein.support.Browser;
import nl.plein.support.Client;
import nl.plein.support.Fixtures;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The map-analysis page in a real Chromium against a real Plein on PostGIS, nothing mocked: a
 * project with two dense groups of proposals and a few strays. A planner switches through the four
 * layers (clusters with outlines, labels and a list; Gi* hexagons with their seven-class legend;
 * LISA with its legend and the global Moran's I; the heatmap image), a refused parameter shows the
 * server's message next to its field, and the page is axe-clean in Dutch, English and on a phone.
 * With a 3 × 3 boundary set over the area, a planner also filters by category, takes the set's
 * areas as units (queen contiguity, a refused distance band) and runs Moran on participation.
 */
class AnalysisPageTest {
    static TestServer server;
    static Browser browser;
    static long projectId;
    static long setId;
    static final int GROUP = 25;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        DemoData.loadIfEmpty(server.dataSource, Passwords::hash, AreaAssignment::assignAll);
        browser = new Browser();
        var admin = server.signedIn("admin@analysis.test", Role.ADMIN);
        projectId = admin.post("/api/projects", project("Stationsbuurt", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        Client resident = server.signedIn("resident@analysis.test", Role.RESIDENT);
        // Two groups of 25 proposals about 45 m apart, each over some 200 m square (a few hexagons),
        // at opposite corners of the project's area.
        for (int i = 0; i < GROUP; i++) {
            double dx = (i % 5) * 0.0007;
            double dy = (i / 5) * 0.0004;
            propose(resident, "Bomen bij de school " + i, 5.5015 + dx, 52.5015 + dy, "green");
            propose(resident, "Fietspad langs het water " + i, 5.5060 + dx, 52.5065 + dy, i % 3 == 0 ? "play" : "traffic");
        }
        long bankje = propose(resident, "Bankje", 5.5070, 52.5010, "green");
        propose(resident, "Zebrapad", 5.5010, 52.5085, "traffic");
        propose(resident, "Speeltuin", 5.5090, 52.5030, "play");

        // A 3 × 3 boundary set over the project's area, as areas for units. Residents living in
        // three of the nine (three, two and one of them) support a proposal, so that participation
        // per 1,000 residents differs from area to area without adding proposals.
        var jdbi = Jdbis.create(server.dataSource);
        setId = jdbi.inTransaction(h -> {
            long set = h.createQuery("INSERT INTO area_sets (name, year) VALUES ('Raster', 2026) RETURNING id")
                    .mapTo(Long.class).one();
            h.createUpdate("""
                    INSERT INTO areas (area_set_id, code, name, population, geom)
                    SELECT :set, 'R' || g, 'Vak ' || g, 1000 + g * 100,
                           ST_Multi(ST_MakeEnvelope(5.50 + (g % 3) * 0.01 / 3, 52.50 + (g / 3) * 0.01 / 3,
                                                    5.50 + (g % 3 + 1) * 0.01 / 3, 52.50 + (g / 3 + 1) * 0.01 / 3, 4326))
                      FROM generate_series(0, 8) g""").bind("set", set).execute();
            return set;
        });
        int[] homes = {0, 0, 0, 4, 4, 8};
        var neighbours = new Client[homes.length];
        for (int k = 0; k < homes.length; k++) {
            neighbours[k] = server.signedIn("neighbour" + k + "@analysis.test", Role.RESIDENT);
            String email = "neighbour" + k + "@analysis.test";
            String code = "R" + homes[k];
            jdbi.useTransaction(h -> h.createUpdate("""
                    UPDATE accounts SET home_area_id = (SELECT id FROM areas WHERE area_set_id = :set AND code = :code)
                     WHERE email = :email""").bind("set", setId).bind("code", code).bind("email", email).execute());
        }
        for (Client neighbour : neighbours) {
            neighbour.put("/api/proposals/" + bankje + "/support", Map.of()).expect(200);
        }
        admin.post("/api/area-sets/" + setId + "/assign", Map.of()).expect(200);
    }

    private static long propose(Client resident, String title, double lon, double lat, String category) {
        return resident.post("/api/projects/" + projectId + "/proposals", Fixtures.feature(point(lon, lat),
                Map.of("title", title, "description", "Omdat het helpt", "category", category))).expect(201)
                .json().get("id").asLong();
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

    private static void waitForLayer(Page page, String layer) {
        page.locator("#an-status[data-state=\"ready\"][data-layer=\"" + layer + "\"]").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    private static void choose(Page page, String layer) {
        page.locator("#an-status").evaluate("s => s.removeAttribute('data-layer')");
        page.locator("#an-layer-" + layer).check();
        waitForLayer(page, layer);
    }

    private static void language(Page page, String language, String layer) {
        if (language.equals(page.locator("html").getAttribute("lang"))) {
            return;
        }
        page.locator("#an-status").evaluate("s => s.setAttribute('data-old', '')");
        page.locator("#language-" + language).click();
        page.locator("#an-status:not([data-old])[data-state=\"ready\"][data-layer=\"" + layer + "\"]").waitFor();
        page.waitForCondition(() -> language.equals(page.locator("html").getAttribute("lang")));
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    private static int count(Page page, String script) {
        return ((Number) page.evaluate(script)).intValue();
    }

    @Test
    void aPlannerSwitchesThroughTheFourLayers() {
        Page page = browser.desktop();
        Browser.signIn(page, server.baseUrl, "planner@demo.plein.test");
        page.navigate(server.baseUrl + "/#/projects/" + projectId);
        page.locator("#analysis-link").click();
        waitForLayer(page, "clusters");

        // eps starts empty: the server chooses it from the proposals, and the method says how.
        assertEquals("", page.locator("#an-clusters-eps").inputValue());
        assertEquals("", page.locator("#an-hotspots-size").inputValue());
        page.locator("#analysis-explanation details summary").click();
        assertTrue(page.locator("#analysis-explanation details").textContent().contains("by default"),
                page.locator("#analysis-explanation").textContent());

        // Clusters: two outlines with labels, and the same two in the list with their proposals.
        assertEquals("raw", page.locator("#analysis-view").getAttribute("data-view"));
        assertEquals(2, page.locator("#cluster-list > li").count());
        assertEquals(2, page.locator("#analysis-map .cluster-label").count());
        assertTrue(page.locator("#analysis-map path.leaflet-interactive").count() >= 2, "cluster outlines drawn");
        String labels = page.locator("#analysis-map .leaflet-tooltip-pane").textContent();
        assertTrue(labels.contains("25"), "labels give the member count: " + labels);
        assertTrue(labels.contains("bomen") && labels.contains("fietspad"), "labels give the top words: " + labels);
        assertTrue(page.locator("#cluster-list").textContent().contains("green"), "category mix listed");
        String href = page.locator("#cluster-list .cluster-top a").first().getAttribute("href");
        assertTrue(href.matches("#/proposals/\\d+"), href);
        assertTrue(page.locator("#analysis-shows").textContent().length() > 40, "a plain-language explanation");
        assertTrue(page.locator("#analysis-map").boundingBox().width > 500, "the map takes most of a desktop's width");
        assertTrue(page.locator("#analysis-map").boundingBox().height > 300);
        Browser.assertAccessible(page, "analysis, clusters");

        // Hot spots: hexagons in the diverging palette, some of them hot, and the seven classes.
        choose(page, "hotspots");
        assertTrue(page.locator("#an-fields-hotspots").isVisible());
        assertTrue(!page.locator("#an-fields-clusters").isVisible(), "one layer's settings at a time");
        // Smaller hexagons than the default 100 m: the groups then stand out from many more units.
        page.locator("#an-status").evaluate("s => s.removeAttribute('data-layer')");
        page.locator("#an-hotspots-size").fill("40");
        page.locator("#an-apply").click();
        waitForLayer(page, "hotspots");
        int hexagons = page.locator("#analysis-map path.leaflet-interactive").count();
        assertTrue(hexagons > 10, "hexagons drawn: " + hexagons);
        assertEquals(7, page.locator("#hotspot-legend li").count());
        assertTrue(count(page, "() => [...document.querySelectorAll('#analysis-map path.leaflet-interactive')]"
                + ".filter(p => ['#b2182b', '#ef8a62', '#fddbc7'].includes(p.getAttribute('fill'))).length") > 0,
                "the dense groups are hot spots");
        assertEquals(0, page.locator("#analysis-map .cluster-label").count(), "one analysis layer at a time");
        Browser.assertAccessible(page, "analysis, hot spots");

        // Local Moran: its legend and the global I, z and p as text.
        choose(page, "moran");
        assertTrue(page.locator("#lisa-legend li").count() >= 5);
        String global = page.locator("#moran-global").textContent();
        assertTrue(global.matches(".*I = -?\\d.*z = -?\\d.*p = \\d.*"), global);
        assertEquals(0, page.locator("#hotspot-legend").count());
        Browser.assertAccessible(page, "analysis, local Moran");

        // Heatmap: an image from the grid on the map, and a legend with the unit.
        choose(page, "heatmap");
        var image = page.locator("#analysis-map img.heatmap-image");
        image.waitFor();
        assertTrue(image.getAttribute("src").startsWith("data:image/png"));
        assertTrue(image.getAttribute("alt").length() > 10, "the image says what it shows");
        assertTrue(image.boundingBox().width > 50, "the image covers the project's area");
        assertTrue(page.locator("#heatmap-legend").textContent().contains("km²"));
        assertEquals(0, page.locator("#analysis-map path.leaflet-interactive").count(), "no hexagons under the heatmap");
        Browser.assertAccessible(page, "analysis, heatmap");

        // The layer chooser is a radio group: arrow keys move to the next layer.
        page.locator("#an-status").evaluate("s => s.removeAttribute('data-layer')");
        page.locator("#an-layer-heatmap").focus();
        page.keyboard().press("ArrowUp");
        waitForLayer(page, "moran");
        assertTrue(page.locator("#an-layer-moran").isChecked());
        browser.assertNoErrors("the planner's analysis layers");

        // A refused parameter: the server's message next to its field, with one in the reader's language.
        choose(page, "clusters");
        String detail = server.anonymous().get("/api/projects/" + projectId + "/analysis/clusters?eps=0").expect(400)
                .json().get("errors").get(0).get("detail").asText();
        page.locator("#an-clusters-eps").fill("0");
        page.locator("#an-apply").click();
        page.locator("#an-status[data-state=\"failed\"]").waitFor();
        var error = page.locator("#an-clusters-eps-error");
        assertTrue(error.isVisible());
        assertTrue(error.textContent().contains(detail), error.textContent() + " / " + detail);
        assertEquals("en", error.locator(".server-message").getAttribute("lang"));
        assertEquals("true", page.locator("#an-clusters-eps").getAttribute("aria-invalid"));
        assertTrue(page.locator("#an-clusters-eps").getAttribute("aria-describedby").contains("an-clusters-eps-error"));
        assertTrue(!page.locator("#analysis-explanation").textContent().contains("null"), "no stray null");
        Browser.assertAccessible(page, "analysis, refused parameter");
        browser.errors.clear(); // the 400 was the point

        page.locator("#an-clusters-eps").fill("100");
        page.locator("#an-apply").click();
        waitForLayer(page, "clusters");
        assertTrue(!error.isVisible(), "the message goes once the value is accepted");

        for (String language : List.of("en", "nl")) {
            language(page, language, "clusters");
            assertEquals(2, page.locator("#cluster-list > li").count());
            Browser.assertAccessible(page, "analysis, planner, " + language);
        }
        browser.assertNoErrors("the analysis page after the refusal");
    }

    @Test
    void aPlannerFiltersAndChoosesUnitsNeighboursAndMeasure() {
        Page page = browser.desktop();
        Browser.signIn(page, server.baseUrl, "planner@demo.plein.test");
        page.navigate(server.baseUrl + "/#/projects/" + projectId + "/analysis");
        waitForLayer(page, "clusters");
        assertEquals(2, page.locator("#cluster-list > li").count());

        // A category filter: only the green group is left.
        page.locator("#an-status").evaluate("s => s.removeAttribute('data-layer')");
        page.locator("#an-filter-category").selectOption("green");
        page.locator("#an-apply").click();
        waitForLayer(page, "clusters");
        assertEquals(1, page.locator("#cluster-list > li").count());
        String list = page.locator("#cluster-list").textContent();
        assertTrue(list.contains("green") && !list.contains("traffic"), list);
        page.locator("#an-status").evaluate("s => s.removeAttribute('data-layer')");
        page.locator("#an-filter-category").selectOption("");
        page.locator("#an-apply").click();
        waitForLayer(page, "clusters");
        assertEquals(2, page.locator("#cluster-list > li").count(), "empty is every category again");

        // Hot spots over the nine areas of the set, with queen contiguity (the areas' default).
        choose(page, "hotspots");
        assertTrue(page.locator("#an-hotspots-size").isVisible(), "hexagons by default, with their size");
        assertTrue(!page.locator("#an-hotspots-set").isVisible(), "no set without areas");
        assertEquals(List.of("band", "knn"), options(page, "#an-hotspots-weights"));
        page.locator("#an-hotspots-unit").selectOption("areas");
        assertTrue(page.locator("#an-hotspots-set").isVisible());
        assertTrue(!page.locator("#an-hotspots-size").isVisible(), "no hexagon size with areas");
        assertEquals(List.of("queen", "band", "knn"), options(page, "#an-hotspots-weights"));
        assertEquals("queen", page.locator("#an-hotspots-weights").inputValue());
        assertTrue(!page.locator("#an-hotspots-band").isVisible(), "a distance only with a distance band");
        assertTrue(page.locator("#an-hotspots-set option[value=\"" + setId + "\"]").textContent().contains("2026"),
                "a set shows its name and year");
        page.locator("#an-hotspots-set").selectOption(String.valueOf(setId));
        page.locator("#an-status").evaluate("s => s.removeAttribute('data-layer')");
        page.locator("#an-apply").click();
        waitForLayer(page, "hotspots");
        assertEquals(9, page.locator("#analysis-map path.leaflet-interactive").count(), "the nine areas drawn");
        assertEquals(7, page.locator("#hotspot-legend li").count());
        Browser.assertAccessible(page, "analysis, hot spots over areas");

        // A refused distance band: the server's message next to the band field.
        page.locator("#an-hotspots-weights").selectOption("band");
        assertTrue(page.locator("#an-hotspots-band").isVisible());
        page.locator("#an-hotspots-band").fill("0");
        String detail = detailFor(server.anonymous().get("/api/projects/" + projectId
                + "/analysis/hotspots?unit=areas&set=" + setId + "&weights=band&band=0").expect(400).json(), "band");
        page.locator("#an-apply").click();
        page.locator("#an-status[data-state=\"failed\"]").waitFor();
        var error = page.locator("#an-hotspots-band-error");
        assertTrue(error.isVisible());
        assertTrue(error.textContent().contains(detail), error.textContent() + " / " + detail);
        assertEquals("true", page.locator("#an-hotspots-band").getAttribute("aria-invalid"));
        Browser.assertAccessible(page, "analysis, refused band");
        browser.errors.clear(); // the 400 was the point
        page.locator("#an-hotspots-band").fill("");
        page.locator("#an-status").evaluate("s => s.removeAttribute('data-layer')");
        page.locator("#an-apply").click();
        waitForLayer(page, "hotspots");
        assertTrue(!error.isVisible(), "the message goes once the value is accepted");

        // Local Moran over the areas, on participation per 1,000 residents, at α = 0.01.
        choose(page, "moran");
        assertTrue(!page.locator("#an-moran-measure").isVisible(), "participation needs areas");
        assertEquals(List.of("0.10", "0.05", "0.01"), options(page, "#an-moran-alpha"));
        assertEquals("0.05", page.locator("#an-moran-alpha").inputValue());
        page.locator("#an-moran-unit").selectOption("areas");
        page.locator("#an-moran-set").selectOption(String.valueOf(setId));
        page.locator("#an-moran-measure").selectOption("participation");
        page.locator("#an-moran-alpha").selectOption("0.01");
        page.locator("#an-status").evaluate("s => s.removeAttribute('data-layer')");
        page.locator("#an-apply").click();
        waitForLayer(page, "moran");
        assertTrue(page.locator("#lisa-legend li").count() >= 5);
        String global = page.locator("#moran-global").textContent();
        assertTrue(global.matches(".*I = -?\\d.*z = -?\\d.*p = \\d.*"), global);
        assertTrue(page.locator("#an-status").textContent().startsWith("9 "), page.locator("#an-status").textContent());

        // The choices survive a language switch, and the page stays accessible in both.
        for (String language : List.of("en", "nl")) {
            language(page, language, "moran");
            assertEquals("areas", page.locator("#an-moran-unit").inputValue());
            assertEquals("participation", page.locator("#an-moran-measure").inputValue());
            assertEquals("0.01", page.locator("#an-moran-alpha").inputValue());
            assertEquals(String.valueOf(setId), page.locator("#an-moran-set").inputValue());
            assertTrue(page.locator("#moran-global").isVisible());
            Browser.assertAccessible(page, "analysis, areas and filters, " + language);
        }
        browser.assertNoErrors("units, neighbours and filters");
    }

    @SuppressWarnings("unchecked")
    private static List<String> options(Page page, String select) {
        return (List<String>) page.locator(select).evaluate("s => [...s.options].map(o => o.value)");
    }

    private static String detailFor(com.fasterxml.jackson.databind.JsonNode problem, String field) {
        for (var error : problem.get("errors")) {
            if (field.equals(error.get("field").asText())) {
                return error.get("detail").asText();
            }
        }
        throw new AssertionError("no error for " + field + ": " + problem);
    }

    @Test
    void anyoneSeesThePublicFormOfTheCounts() {
        Page page = browser.desktop();
        page.navigate(server.baseUrl + "/#/projects/" + projectId + "/analysis");
        waitForLayer(page, "clusters");
        assertEquals("public", page.locator("#analysis-view").getAttribute("data-view"));
        assertEquals(2, page.locator("#cluster-list > li").count());
        assertTrue(page.locator("#cluster-list").textContent().contains("25"), "25 stays 25 when rounded to 5");
        assertTrue(page.locator("#cluster-summary").textContent().contains("<5"), "three strays are a small count");
        browser.assertNoErrors("the public analysis page");
    }

    @Test
    void onAPhoneTheMapComesFirstAndThePageIsAccessible() {
        Page page = browser.phone();
        Browser.signIn(page, server.baseUrl, "planner@demo.plein.test");
        page.navigate(server.baseUrl + "/#/projects/" + projectId + "/analysis");
        waitForLayer(page, "clusters");
        for (String language : List.of("nl", "en")) {
            language(page, language, "clusters");
            Browser.assertAccessible(page, "analysis on a phone in " + language);
        }
        choose(page, "hotspots");
        Browser.assertAccessible(page, "hot spots on a phone");
        int pageWidth = count(page, "() => document.documentElement.scrollWidth");
        assertTrue(pageWidth <= 360, "the page itself does not scroll sideways: " + pageWidth);
        var map = page.locator("#analysis-map").boundingBox();
        var controls = page.locator("#an-controls").boundingBox();
        assertTrue(map.y + map.height <= controls.y, "map above the controls");
        assertEquals(map.x, controls.x, 1.0, "one column");
        browser.assertNoErrors("the analysis page on a phone");
    }
}
