package nl.plein.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.plein.reports.ReportFixture;
import nl.plein.support.A4Pdf;
import nl.plein.support.Browser;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The printable report in a real Chromium: printed to PDF in A4 as a browser's "Save as PDF" does,
 * read back with PDFBox, it has A4 pages with the headings, figures (rounded), the top proposal and
 * a decision's reason, and page numbers; on screen it is axe-clean in Dutch and English, and fits
 * a 360 px phone without scrolling sideways.
 */
class ReportPdfTest {
    static TestServer server;
    static Browser browser;
    static ReportFixture fixture;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fixture = ReportFixture.create(server);
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

    private String url(String language) {
        return server.baseUrl + "/reports/projects/" + fixture.projectId + "?lang=" + language;
    }

    @Test
    void theReportPrintsToAnA4PdfWithItsHeadingsAndFigures() throws Exception {
        Page page = browser.desktop();
        page.navigate(url("en"));
        byte[] pdf = page.pdf(new Page.PdfOptions().setFormat("A4").setPreferCSSPageSize(true));
        // Kept for a person to look at after the run.
        Files.write(Path.of("target", "report-en.pdf"), pdf);
        A4Pdf read = A4Pdf.read(pdf);
        assertTrue(read.pages() >= 2, "pages: " + read.pages());
        String text = read.text();
        for (String expected : List.of("Report: " + ReportFixture.TITLE, "The process", "Participation", "Maps",
                "Most supported proposals", "Decisions", "Method", ReportFixture.CLUSTER_TITLE + " 0",
                ReportFixture.ACCEPTED_REASON, "Participants, all areas", "Noordoost", "<5",
                "Participants per 1,000 residents per area", "Proposals by status")) {
            assertTrue(text.contains(expected), () -> "the PDF lacks '" + expected + "':\n" + text);
        }
        assertTrue(text.contains("Participants, all areas 20 "), "21 participants, rounded to 20");
        assertTrue(text.contains("Speeltuin Under consideration → Accepted " + ReportFixture.ACCEPTED_REASON),
                "a decision with its change and reason");
        assertTrue(!text.contains("Back to the project"), "no navigation on paper");
        assertTrue(text.contains("1 / " + read.pages()), "page numbers: " + text);
        browser.assertNoErrors("the report printed to PDF");
    }

    /**
     * On paper every map's legend stays whole: each of its symbols and lines of words lies inside
     * the drawing (its viewBox: what reaches past it shows only where the figure happens to have
     * room beside a tall map, and is cut off beside a wide one) and inside the page's content box.
     * Measured in Chromium's print layout at the width A4 leaves between report.css's margins
     * (210 − 2 × 16 mm).
     */
    @Test
    void everyLegendLiesInsideItsMapAndThePrintableWidthOfAnA4Page() {
        double contentWidth = (210 - 2 * 16) / 25.4 * 96;
        for (String language : List.of("nl", "en")) {
            Page page = browser.page((int) Math.floor(contentWidth), 1100);
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            page.navigate(url(language));
            @SuppressWarnings("unchecked")
            var outside = (List<String>) page.evaluate("(width) => {"
                    + " const out = [];"
                    + " for (const svg of document.querySelectorAll('svg.report-map')) {"
                    + "   const box = svg.getBoundingClientRect();"
                    + "   const ctm = svg.getScreenCTM();"
                    + "   const view = svg.viewBox.baseVal;"
                    + "   const right = Math.min(ctm.a * (view.x + view.width) + ctm.e, box.right, width);"
                    + "   const left = Math.max(ctm.a * view.x + ctm.e, box.left, 0);"
                    + "   for (const e of svg.querySelectorAll('.legend > *, .legend tspan')) {"
                    + "     const r = e.getBoundingClientRect();"
                    + "     if (r.right > right + 0.5 || r.left < left - 0.5)"
                    + "       out.push(svg.getAttribute('aria-labelledby') + ' ' + e.tagName + ' \\'' + e.textContent"
                    + "         + '\\' ends at ' + r.right + ', the drawing at ' + right);"
                    + "   }"
                    + " }"
                    + " return out; }", contentWidth);
            assertEquals(List.of(), outside, "legend parts cut off in " + language);
            int legends = ((Number) page.evaluate("() => document.querySelectorAll('svg.report-map .legend text').length"))
                    .intValue();
            assertTrue(legends >= 10, "the legends were measured: " + legends);
        }
        browser.assertNoErrors("the report's legends");
    }

    @Test
    void theReportIsAccessibleInDutchAndEnglishAndOnAPhone() {
        for (String language : List.of("nl", "en")) {
            Page desktop = browser.desktop();
            desktop.navigate(url(language));
            assertEquals(language, desktop.locator("html").getAttribute("lang"));
            assertEquals(3, desktop.locator("figure.map svg[role=img]").count());
            Browser.assertAccessible(desktop, "the report in " + language);

            Page phone = browser.phone();
            phone.navigate(url(language));
            Browser.assertAccessible(phone, "the report on a phone in " + language);
            int width = ((Number) phone.evaluate("() => document.documentElement.scrollWidth")).intValue();
            assertTrue(width <= 360, "the page does not scroll sideways on a phone: " + width);
            var map = phone.locator("figure.map svg").first().boundingBox();
            assertTrue(map.width > 300 && map.width <= 360, "a map fills the phone's width: " + map.width);

            // On paper there is no navigation.
            phone.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertTrue(!phone.locator(".report-nav").isVisible());
        }
        browser.assertNoErrors("the report on screen");
    }

    @Test
    void theProjectAndParticipationPagesLinkToTheReportInTheReadersLanguage() {
        Page page = browser.desktop();
        page.navigate(server.baseUrl + "/#/projects/" + fixture.projectId);
        page.locator("#report-link").click();
        page.waitForURL("**/reports/projects/" + fixture.projectId + "?lang=nl");
        assertEquals("nl", page.locator("html").getAttribute("lang"));
        assertEquals("Rapport: " + ReportFixture.TITLE, page.locator("h1").textContent());

        page.navigate(server.baseUrl + "/#/projects/" + fixture.projectId + "/participation");
        page.locator("#part-report-link").waitFor();
        assertEquals("/reports/projects/" + fixture.projectId + "?lang=nl",
                page.locator("#part-report-link").getAttribute("href"));
        browser.assertNoErrors("the links to the report");
    }
}
