package nl.plein.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.plein.learning.LearningFixture;
import nl.plein.support.A4Pdf;
import nl.plein.support.Browser;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The learning page of a second round ({@link LearningFixture}) in a real Chromium: axe-clean in
 * Dutch and English at phone size, its tables readable without the page scrolling sideways, no
 * stray null or undefined when parts are empty, a planner writing a lesson with the keyboard, the
 * way in from the project page, a planner on a phone putting both rounds in a new series from the
 * page, and the printable report printed to an A4 PDF.
 */
class LearningPageTest {
    static TestServer server;
    static LearningFixture f;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        f = new LearningFixture(server);
        browser = new Browser();
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

    private static void open(Page page, long projectId, String language) {
        page.navigate(server.baseUrl + "/#/projects/" + projectId + "/learning");
        page.locator("h1").first().waitFor();
        if (!language.equals(page.locator("html").getAttribute("lang"))) {
            page.locator("#language-" + language).click();
            page.waitForCondition(() -> language.equals(page.locator("html").getAttribute("lang")));
        }
        page.locator("#learning-status[data-state=ready]").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    private static String mainText(Page page) {
        return page.locator("main").innerText();
    }

    private static void assertFitsThePhone(Page page, String where) {
        boolean fits = (boolean) page.evaluate("() => document.scrollingElement.scrollWidth <= window.innerWidth");
        assertTrue(fits, where + " scrolls sideways on a phone");
    }

    private static void assertNoMissingValues(String text, String where) {
        for (String stray : List.of("null", "undefined", "NaN", "learning.")) {
            assertFalse(text.contains(stray), where + " shows '" + stray + "':\n" + text);
        }
    }

    @Test
    void theLearningPageIsAccessibleInDutchAndEnglishOnAPhone() {
        Page page = browser.page(390, 844);
        for (var expected : Map.of("nl", "ontbrak eerder, deed nu mee", "en", "missing before, took part now")
                .entrySet()) {
            String language = expected.getKey();
            open(page, f.round2026, language);
            String text = mainText(page);
            assertTrue(text.contains(expected.getValue()), "the comparison in " + language + ":\n" + text);
            assertTrue(text.contains("<5"), "Oost's small count, hidden");
            assertNoMissingValues(text, "round 2026 in " + language);
            assertFitsThePhone(page, "round 2026 in " + language);
            Browser.assertAccessible(page, "the learning page in " + language + " on a phone");
            // Kept for a person to look at after the run.
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "learning-phone-" + language + ".png")));
            open(page, f.round2024, language);
            assertNoMissingValues(mainText(page), "round 2024 (no works, no vote, nothing before it) in " + language);
            Browser.assertAccessible(page, "the empty learning page in " + language + " on a phone");
        }
        browser.assertNoErrors("the learning pages");
    }

    @Test
    void aPlannerWritesALessonAndEveryoneFindsThePageFromTheProject() {
        Page page = browser.desktop();
        page.navigate(server.baseUrl + "/#/signin");
        page.locator("#sign-in-email").fill("planner@test.example");
        page.locator("#sign-in-password").fill(TestServer.PASSWORD);
        page.locator("#sign-in-submit").click();
        page.locator("#sign-out").waitFor();
        page.navigate(server.baseUrl + "/#/projects/" + f.round2026);
        page.locator("#learning-link").click();
        page.locator("#learning-status[data-state=ready]").waitFor();
        page.locator("#lesson-new").fill("Evening walks worked better than meetings");
        page.locator("#lesson-new").press("Tab");
        page.keyboard().press("Enter");
        page.locator("#lessons-list li", new Page.LocatorOptions().setHasText("Evening walks")).waitFor();
        assertTrue(page.locator("#learning-report-link").getAttribute("href").startsWith("/reports/projects/"
                + f.round2026 + "/learning"));
        browser.assertNoErrors("writing a lesson");
    }

    private static void openRound(Page page, long projectId, String title) {
        page.navigate(server.baseUrl + "/#/projects/" + projectId + "/learning");
        page.locator("h1", new Page.LocatorOptions().setHasText(title)).waitFor();
        page.locator("#learning-status[data-state=ready]").waitFor();
        page.locator("#series-form").waitFor();
    }

    /** Saves the series form with the keyboard: Enter in the position field. */
    private static void saveRound(Page page, String label, String position) {
        page.locator("#series-label").fill(label);
        page.locator("#series-position").fill(position);
        page.locator("#series-position").press("Enter");
    }

    /**
     * Takes both rounds out of their series (so the comparison goes), then links them again as rounds
     * of a new series from the page: the comparison comes back, a taken position is refused beside its
     * field, and the page with the form stays axe-clean in Dutch and English. Leaves both rounds at
     * their old positions, so the other tests see the same comparison.
     */
    @Test
    void aPlannerLinksTwoRoundsAsANewSeriesOnAPhone() {
        Page page = browser.touchPhone(390, 844);
        page.navigate(server.baseUrl + "/#/signin");
        page.locator("#sign-in-email").fill("planner@test.example");
        page.locator("#sign-in-password").fill(TestServer.PASSWORD);
        page.locator("#sign-in-submit").tap();
        page.locator("#sign-out").waitFor();
        page.locator("#language-en").tap();
        page.waitForCondition(() -> "en".equals(page.locator("html").getAttribute("lang")));
        for (var round : Map.of(f.round2024, "Park de Heuvel 2024", f.round2026, "Park de Heuvel 2026").entrySet()) {
            openRound(page, round.getKey(), round.getValue());
            page.locator("#series-remove").tap();
            page.locator("#series-remove").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
        }
        assertFalse(mainText(page).contains("missing before, took part now"), "no comparison outside a series");

        openRound(page, f.round2024, "Park de Heuvel 2024");
        page.locator("#series-choice").selectOption("new");
        page.locator("#series-name").fill("Heuvel opnieuw");
        saveRound(page, "2024", "2024");
        page.locator("#learning-series", new Page.LocatorOptions().setHasText("Heuvel opnieuw")).waitFor();

        openRound(page, f.round2026, "Park de Heuvel 2026");
        page.locator("#series-choice").selectOption(new SelectOption().setLabel("Heuvel opnieuw"));
        saveRound(page, "2026", "2024");
        page.locator("#series-position-error", new Page.LocatorOptions().setHasText("already has this position"))
                .waitFor();
        assertEquals("true", page.locator("#series-position").getAttribute("aria-invalid"));
        assertTrue(browser.errors.stream().allMatch(e -> e.contains("409")), () -> "only the 409: " + browser.errors);
        browser.errors.clear(); // the 409 was the point
        saveRound(page, "2026", "2026");
        page.locator("#learning-series", new Page.LocatorOptions().setHasText("Round 2026 of the series Heuvel opnieuw"))
                .waitFor();
        page.locator("#learning-rounds-caption").waitFor();
        assertTrue(mainText(page).contains("missing before, took part now"), "the comparison is back:\n"
                + mainText(page));
        for (String language : List.of("nl", "en")) {
            open(page, f.round2026, language);
            page.locator("#series-form").waitFor();
            assertNoMissingValues(mainText(page), "the series form in " + language);
            assertFitsThePhone(page, "the series form in " + language);
            Browser.assertAccessible(page, "the learning page with the series form in " + language + " on a phone");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "learning-series-form-" + language + ".png")));
        }
        browser.assertNoErrors("linking rounds as a series");
    }

    @Test
    void thePrintableReportPrintsToA4AndIsAccessibleOnAPhone() throws Exception {
        Page desktop = browser.desktop();
        desktop.navigate(server.baseUrl + "/reports/projects/" + f.round2026 + "/learning?lang=en");
        byte[] pdf = desktop.pdf(new Page.PdfOptions().setFormat("A4").setPreferCSSPageSize(true));
        Files.write(Path.of("target", "learning-report-en.pdf"), pdf);
        String text = A4Pdf.read(pdf).text();
        for (String expected : List.of("What we learned: Park de Heuvel 2026", "Who took part", "Who voted",
                "Where the money and the works went, per resident", "How the works went", "Lessons learned",
                "Compared with earlier rounds", "missing before, took part now", "Go to Zuid's school gates")) {
            assertTrue(text.contains(expected), () -> "the PDF lacks '" + expected + "':\n" + text);
        }
        for (String language : List.of("nl", "en")) {
            Page phone = browser.page(390, 844);
            phone.navigate(server.baseUrl + "/reports/projects/" + f.round2026 + "/learning?lang=" + language);
            assertFitsThePhone(phone, "the printable report in " + language);
            Browser.assertAccessible(phone, "the printable learning report in " + language);
        }
        browser.assertNoErrors("the printable learning report");
    }
}
