package nl.plein.ogc;

import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import nl.plein.accounts.Role;
import nl.plein.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML encoding of /ogc in a real Chromium: a person walks from the landing page to one feature
 * by clicking links, every page passes axe, and markup that residents typed stays text. Besides
 * {@link OgcData} this class adds its own project whose title and proposal are hostile HTML.
 */
class OgcHtmlBrowserTest extends OgcServer {
    static final String HOSTILE_PROJECT = "<b id=\"injected-project\">Bold</b> & \"quoted\"";
    static final String HOSTILE_TITLE = "<img src=x onerror=alert(1)>";
    static Browser browser;
    static long hostileProjectId;
    static long hostileProposalId;

    @BeforeAll
    static void hostileData() {
        var admin = server.signedIn("html-admin@test.example", Role.ADMIN);
        var resident = server.signedIn("html-resident@test.example", Role.RESIDENT);
        hostileProjectId = admin.post("/api/projects", project(HOSTILE_PROJECT, List.of("point"), false))
                .expect(201).json().get("id").asLong();
        hostileProposalId = resident.post("/api/projects/" + hostileProjectId + "/proposals",
                proposal(point(5.5055, 52.5055), HOSTILE_TITLE)).expect(201).json().get("id").asLong();
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    /** Over plain HTTP the hostile text arrives escaped, never as markup. */
    @Test
    void userTextIsEscapedInEveryPage() {
        String collection = "/ogc/collections/proposals-" + hostileProjectId;
        for (String path : List.of("/ogc/collections", collection, collection + "/items",
                collection + "/items/" + hostileProposalId)) {
            String html = anyone.get(path + "?f=html").expect(200).body();
            assertFalse(html.contains("<img") || html.contains("<b id"), path + ": " + html);
            assertTrue(html.contains("&lt;b id=&quot;injected-project&quot;&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot;"),
                    path + ": " + html);
            if (path.contains("/items")) {
                assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), path + ": " + html);
            }
        }
    }

    @Test
    void aPersonWalksFromTheLandingPageToAFeatureByLinks() {
        browser.errors.clear();
        Page page = browser.phone();
        var dialogs = new ArrayList<String>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        // Chromium's own Accept header, no f: the landing page must come as HTML.
        page.navigate(server.baseUrl + "/ogc");
        checkPage(page, "Plein", "/ogc?f=json");

        page.locator("main a", new Page.LocatorOptions().setHasText("Collections")).first().click();
        checkPage(page, "Collections", "/ogc/collections?f=json");
        assertTrue(page.locator("table caption").count() > 0);

        String collection = "/ogc/collections/proposals-" + hostileProjectId;
        page.locator("a[href='" + server.baseUrl + collection + "?f=html']").click();
        checkPage(page, "Proposals: " + HOSTILE_PROJECT, collection + "?f=json");
        assertTrue(page.locator("main").innerText().contains("5.500000, 52.500000, 5.510000, 52.510000"));

        page.locator("main a", new Page.LocatorOptions().setHasText("The features")).click();
        checkPage(page, "Features of Proposals: " + HOSTILE_PROJECT, collection + "/items?f=json");
        Locator cell = page.locator("tbody td", new Page.LocatorOptions().setHasText("onerror"));
        assertEquals(HOSTILE_TITLE, cell.innerText());

        page.locator("tbody th a", new Page.LocatorOptions().setHasText(Long.toString(hostileProposalId))).click();
        checkPage(page, "Feature " + hostileProposalId + " of Proposals: " + HOSTILE_PROJECT,
                collection + "/items/" + hostileProposalId + "?f=json");
        assertEquals(HOSTILE_TITLE, page.locator("tr", new Page.LocatorOptions().setHasText("title"))
                .first().locator("td").innerText());

        assertEquals(List.of(), dialogs, "no script ran from user text");
        browser.assertNoErrors("the OGC HTML pages");
    }

    /** The page has loaded as HTML with this heading, names its JSON form twice, injects nothing, fits a phone's width and passes axe. */
    private static void checkPage(Page page, String heading, String json) {
        page.locator("h1").waitFor();
        assertEquals(heading, page.locator("h1").innerText(), page.url());
        assertEquals("en", page.locator("html").getAttribute("lang"));
        assertTrue(page.title().startsWith(heading), page.title());
        String alternate = page.locator("head link[rel=alternate][type='application/json']").getAttribute("href");
        assertTrue(alternate.endsWith(json), alternate);
        assertEquals(alternate, page.locator("main a[rel=alternate][type='application/json']").getAttribute("href"));
        assertEquals(0, page.locator("img, #injected-project, main script").count(), "nothing injected on " + page.url());
        assertTrue((boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"),
                "no sideways scrolling of the whole page on a phone: " + page.url());
        Browser.assertAccessible(page, page.url());
    }
}
