package nl.plein.browser;

import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import nl.plein.accounts.Passwords;
import nl.plein.accounts.Role;
import nl.plein.areas.AreaAssignment;
import nl.plein.gisdata.demo.DemoData;
import nl.plein.support.Browser;
import nl.plein.support.Client;
import nl.plein.support.Fixtures;
import nl.plein.support.StandIn;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Presentations in a real Chromium against a real Plein on PostGIS, with a basemap served by a
 * loopback stand-in: a planner composes three slides with different layers, reorders them by
 * keyboard and previews one; the projector fills 1920×1080 and 1280×720 and is driven by keys
 * alone (arrows, PageUp/PageDown as presenter clickers send, Home/End, o for the overview), asks
 * for no tiles while the slides want no basemap, and is axe-clean in Dutch and English, as is the
 * composer, also on a phone.
 */
class PresentationTest {
    static final String HOSTILE = "Raad <img src=x onerror=alert(1)> & co";

    static StandIn tiles;
    static TestServer server;
    static Browser browser;
    static Client planner;
    static long projectId;

    @BeforeAll
    static void start() throws Exception {
        var image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        var png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        tiles = new StandIn(new StandIn.Answer(200, "image/png", png.toByteArray()));
        server = TestServer.start(Map.of("PLEIN_BASEMAP_URL", tiles.baseUrl() + "/t/{z}/{x}/{y}.png"));
        DemoData.loadIfEmpty(server.dataSource, Passwords::hash, AreaAssignment::assignAll);
        browser = new Browser();
        var admin = server.signedIn("admin@present.test", Role.ADMIN);
        planner = server.signedIn("planner@present.test", Role.PLANNER);
        projectId = admin.post("/api/projects", project("Havenplein", List.of("point"), false)).expect(201)
                .json().get("id").asLong();
        Client resident = server.signedIn("resident@present.test", Role.RESIDENT);
        // Two tight groups of twelve proposals (two clusters, a hot spot) and a few strays.
        for (int i = 0; i < 12; i++) {
            double dx = (i % 4) * 0.0003;
            double dy = (i / 4) * 0.0002;
            propose(resident, "Bomen " + i, 5.5015 + dx, 52.5015 + dy);
            propose(resident, "Fietspad " + i, 5.5065 + dx, 52.5070 + dy);
        }
        propose(resident, "Bankje", 5.5090, 52.5020);
        propose(resident, "Zebrapad", 5.5010, 52.5090);
    }

    private static void propose(Client resident, String title, double lon, double lat) {
        resident.post("/api/projects/" + projectId + "/proposals", Fixtures.feature(point(lon, lat),
                Map.of("title", title, "description", "Omdat het helpt", "category", "green"))).expect(201);
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
        tiles.close();
    }

    @BeforeEach
    void freshErrorLog() {
        browser.errors.clear();
    }

    // ——— composer ———

    private static void addSlide(Page page, String title, String layer, int expectedCount) {
        page.locator("#slide-title-input").fill(title);
        page.locator("#slide-text-input").fill("Wat bewoners voorstelden: " + title);
        for (String name : List.of("proposals", "chosen", "clusters", "hotspots", "participation")) {
            var box = page.locator("#layer-" + name);
            if (box.isEnabled() && box.isChecked() != name.equals(layer)) {
                box.click();
            }
        }
        page.locator("#slide-submit").click();
        page.waitForCondition(() -> page.locator("#slide-list > li").count() == expectedCount);
    }

    private static List<String> listedTitles(Page page) {
        return page.locator("#slide-list .slide-name").allTextContents();
    }

    @Test
    void aPlannerComposesReordersByKeyboardAndPreviews() {
        Page page = browser.desktop();
        Browser.signIn(page, server.baseUrl, "planner@demo.plein.test");
        page.navigate(server.baseUrl + "/#/projects/" + projectId);
        page.locator("#presentations-link").click();
        page.locator("#new-presentation-title").fill(HOSTILE);
        page.locator("#new-presentation-submit").click();
        page.locator("#slide-form").waitFor();
        String heading = page.locator("h1").textContent();
        assertTrue(heading.contains(HOSTILE), "the title is shown as text: " + heading);
        assertEquals(0, page.locator("h1 img, #main img[src=x]").count(), "no markup from the title");

        addSlide(page, "Voorstellen", "proposals", 1);
        addSlide(page, "Clusters", "clusters", 2);
        page.locator("#use-extent").click();
        assertTrue(page.locator("#extent-text").textContent().contains(","), "the extent is shown");
        addSlide(page, "Hotspots", "hotspots", 3);
        assertEquals(List.of("Voorstellen", "Clusters", "Hotspots"), listedTitles(page));

        // Moving by keyboard: focus stays on the moved slide's button, so Enter twice moves it twice.
        page.locator("#slide-list > li").nth(2).locator(".move-up").focus();
        page.keyboard().press("Enter");
        page.waitForCondition(() -> listedTitles(page).get(1).equals("Hotspots"));
        page.keyboard().press("Enter");
        page.waitForCondition(() -> listedTitles(page).get(0).equals("Hotspots"));
        assertEquals(List.of("Hotspots", "Voorstellen", "Clusters"), listedTitles(page));
        assertEquals("true", page.evaluate("() => String(document.activeElement.closest('li')?.dataset.slideId === "
                + "document.querySelector('#slide-list > li').dataset.slideId)"), "focus followed the slide");
        long presentationId = Long.parseLong(page.url().replaceAll(".*/presentations/(\\d+)/edit.*", "$1"));
        JsonNode stored = server.anonymous().get("/api/presentations/" + presentationId).expect(200).json();
        assertEquals("Hotspots", stored.get("slides").get(0).get("title").asText());
        assertEquals("clusters", stored.get("slides").get(2).get("view").get("layers").fieldNames().next());

        // Editing keeps the slide's place; a slide added by mistake is deleted after a confirmation.
        page.locator("#slide-list > li").nth(1).locator(".edit").click();
        assertEquals("Voorstellen", page.locator("#slide-title-input").inputValue());
        page.locator("#slide-title-input").fill("Alle voorstellen");
        page.locator("#slide-submit").click();
        page.waitForCondition(() -> listedTitles(page).get(1).equals("Alle voorstellen"));
        addSlide(page, "Per ongeluk", "proposals", 4);
        page.onceDialog(dialog -> dialog.accept());
        page.locator("#slide-list > li").nth(3).locator(".delete").click();
        page.waitForCondition(() -> page.locator("#slide-list > li").count() == 3);
        assertEquals(List.of("Hotspots", "Alle voorstellen", "Clusters"), listedTitles(page));

        // Preview: the projector's picture of the clusters slide, with its labels and legend.
        page.locator("#slide-list > li").nth(2).locator(".preview").click();
        page.locator("#slide-preview .slide-frame[data-state=\"ready\"]").waitFor();
        assertEquals("Clusters", page.locator("#preview-title").textContent());
        assertEquals(2, page.locator("#slide-preview .cluster-label").count(), "two clusters drawn");
        assertTrue(page.locator("#slide-preview #cluster-legend").isVisible());
        assertEquals(0, page.locator("#slide-preview .leaflet-tile").count(), "no basemap in the preview");
        page.waitForLoadState(LoadState.NETWORKIDLE);

        Browser.assertAccessible(page, "composer (nl)");
        page.locator("#language-en").click();
        page.waitForCondition(() -> "en".equals(page.locator("html").getAttribute("lang")));
        page.locator("#slide-form").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertTrue(page.locator("h1").textContent().startsWith("Compose presentation"));
        Browser.assertAccessible(page, "composer (en)");
        browser.assertNoErrors("composer");
    }

    @Test
    void theComposerWorksOnAPhone() {
        long id = presentation("Telefoon", List.of(slide("Eén", Map.of("proposals", Map.of()), false)));
        Page page = browser.phone();
        Browser.signIn(page, server.baseUrl, "planner@demo.plein.test");
        page.navigate(server.baseUrl + "/#/presentations/" + id + "/edit");
        page.locator("#slide-form").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertTrue((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"),
                "nothing sticks out sideways at 360 px");
        Browser.assertAccessible(page, "composer (phone)");
        browser.assertNoErrors("composer on a phone");
    }

    // ——— projector ———

    private static Map<String, Object> slide(String title, Map<String, Object> layers, boolean basemap) {
        return Map.of("title", title, "text", "Toelichting bij " + title,
                "view", Map.of("bbox", List.of(5.50, 52.50, 5.51, 52.51), "basemap", basemap, "layers", layers));
    }

    private static long presentation(String title, List<Map<String, Object>> slides) {
        long id = planner.post("/api/projects/" + projectId + "/presentations", Map.of("title", title)).expect(201)
                .json().get("id").asLong();
        for (var s : slides) {
            planner.post("/api/presentations/" + id + "/slides", s).expect(201);
        }
        return id;
    }

    private static void expectSlide(Page page, String title, int n) {
        page.waitForCondition(() -> title.equals(page.locator("#slide-title").textContent())
                && String.valueOf(n).equals(page.locator("#slide-counter").getAttribute("data-n")));
        assertEquals("3", page.locator("#slide-counter").getAttribute("data-total"));
        assertEquals(n + " / 3", page.locator("#slide-counter").textContent().strip());
        assertTrue(page.url().endsWith("/show/" + n), page.url());
    }

    private static List<String> tileRequests(Page page) {
        var seen = new CopyOnWriteArrayList<String>();
        page.onRequest(request -> {
            if (request.url().contains("/tiles/")) {
                seen.add(request.url());
            }
        });
        return seen;
    }

    private void driveByKeyboard(int width, int height, double minTitlePx) {
        long id = presentation("Projector " + width, List.of(
                slide("Voorstellen per status", Map.of("proposals", Map.of("statuses", List.of("published"))), false),
                slide("Waar het clustert", Map.of("clusters", Map.of("eps", 100, "minPoints", 5)), false),
                slide("Hotspots", Map.of("hotspots", Map.of("size", 150)), false)));
        Page page = browser.page(width, height);
        List<String> tileUrls = tileRequests(page);
        page.navigate(server.baseUrl + "/#/presentations/" + id + "/show");
        expectSlide(page, "Voorstellen per status", 1);
        page.locator(".slide-frame[data-state=\"ready\"]").waitFor();

        var box = page.locator("#projector").boundingBox();
        assertEquals(width, box.width, 1);
        assertEquals(height, box.height, 1);
        var map = page.locator(".slide-map").boundingBox();
        assertTrue(map.width > width * 0.6 && map.height > height * 0.75, "the map fills the screen: " + map.width + "×" + map.height);
        double titlePx = Double.parseDouble(((String) page.evaluate(
                "() => getComputedStyle(document.getElementById('slide-title')).fontSize")).replace("px", ""));
        assertTrue(titlePx >= minTitlePx, "large type: " + titlePx + " px");
        assertFalse(page.locator("#legend-slot, .slide-legends figure").count() == 0, "a legend is shown");

        page.keyboard().press("ArrowRight");
        expectSlide(page, "Waar het clustert", 2);
        page.keyboard().press("PageDown");
        expectSlide(page, "Hotspots", 3);
        page.keyboard().press("PageDown");
        expectSlide(page, "Hotspots", 3);
        page.keyboard().press("PageUp");
        expectSlide(page, "Waar het clustert", 2);
        page.keyboard().press("ArrowLeft");
        expectSlide(page, "Voorstellen per status", 1);
        page.keyboard().press("End");
        expectSlide(page, "Hotspots", 3);
        page.locator(".slide-frame[data-state=\"ready\"]").waitFor();
        assertTrue(page.locator(".slide-legends #hotspot-legend").isVisible(), "the hot-spot legend");
        page.keyboard().press("Home");
        expectSlide(page, "Voorstellen per status", 1);

        page.keyboard().press("o");
        page.locator("#slide-overview").waitFor();
        assertEquals(3, page.locator("#slide-overview .overview-slide").count());
        assertEquals("true", page.locator("#slide-overview .overview-slide").first().getAttribute("aria-current"));
        page.keyboard().press("Escape");
        page.waitForCondition(() -> !page.locator("#slide-overview").isVisible());
        page.keyboard().press("o");
        page.locator("#slide-overview").waitFor();
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        page.waitForCondition(() -> !page.locator("#slide-overview").isVisible());
        expectSlide(page, "Waar het clustert", 2);

        page.locator(".slide-frame[data-state=\"ready\"]").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertEquals(List.of(), tileUrls, "no tiles without a basemap");
        assertEquals(0, page.locator(".leaflet-tile").count());
        browser.assertNoErrors("projector " + width + "×" + height);
    }

    @Test
    void theProjectorFillsAFullHdScreenAndIsDrivenByKeysAlone() {
        driveByKeyboard(1920, 1080, 40);
    }

    @Test
    void theProjectorFillsA720pScreenAndIsDrivenByKeysAlone() {
        driveByKeyboard(1280, 720, 26);
    }

    @Test
    void anEmptyPresentationSaysSoAndAMissingOneIsNotFound() {
        long id = presentation("Nog leeg", List.of());
        Page page = browser.desktop();
        page.navigate(server.baseUrl + "/#/presentations/" + id + "/show");
        page.locator(".slide-empty").waitFor();
        assertEquals("Nog leeg", page.locator("#slide-title").textContent());
        assertTrue(page.locator("#slide-previous").isDisabled() && page.locator("#slide-next").isDisabled());
        page.keyboard().press("ArrowRight");
        page.keyboard().press("End");
        assertEquals("Nog leeg", page.locator("#slide-title").textContent());
        browser.assertNoErrors("an empty presentation");

        page.navigate(server.baseUrl + "/#/presentations/999999/show");
        page.waitForCondition(() -> "Presentatie niet gevonden".equals(page.locator("h1").textContent()));
        assertEquals(0, page.locator("#projector").count());
    }

    @Test
    void theProjectorIsAccessibleInDutchAndEnglishAndShowsHostileTextAsText() {
        long id = presentation(HOSTILE, List.of(
                slide(HOSTILE, Map.of("proposals", Map.of()), false),
                slide("Clusters", Map.of("clusters", Map.of()), false),
                slide("Met kaart", Map.of("hotspots", Map.of()), true)));
        Page page = browser.desktop();
        List<String> tileUrls = tileRequests(page);
        page.navigate(server.baseUrl + "/#/presentations/" + id + "/show/1");
        page.locator(".slide-frame[data-state=\"ready\"]").waitFor();
        assertEquals(HOSTILE, page.locator("#slide-title").textContent());
        assertEquals(0, page.locator("#projector img[src=x]").count(), "no markup from the title");
        page.waitForLoadState(LoadState.NETWORKIDLE);
        Browser.assertAccessible(page, "projector (nl)");
        page.locator("#overview-button").click();
        Browser.assertAccessible(page, "projector overview (nl)");
        page.locator("#overview-close").click();

        page.evaluate("() => localStorage.setItem('plein.language', 'en')");
        page.reload();
        page.locator(".slide-frame[data-state=\"ready\"]").waitFor();
        assertEquals("en", page.locator("html").getAttribute("lang"));
        assertEquals("Next →", page.locator("#slide-next").textContent());
        page.waitForLoadState(LoadState.NETWORKIDLE);
        Browser.assertAccessible(page, "projector (en)");
        page.locator("#contrast-button").click();
        assertEquals("false", page.locator("#contrast-button").getAttribute("aria-pressed"));
        Browser.assertAccessible(page, "projector, light theme (en)");
        assertTrue(tileUrls.isEmpty(), "no tiles so far: " + tileUrls);

        // The check above is not empty-handed: a slide that asks for the basemap gets tiles.
        page.locator("#slide-next").click();
        page.locator("#slide-next").click();
        page.locator(".slide-frame[data-state=\"ready\"]").waitFor();
        page.waitForCondition(() -> !tileUrls.isEmpty());
        assertFalse(new ArrayList<>(tileUrls).isEmpty());
        browser.assertNoErrors("projector");
    }
}
