package nl.plein.evaluations;

import static nl.plein.evaluations.EvaluationsTest.evaluation;
import static nl.plein.support.Fixtures.point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import java.util.Optional;
import nl.plein.accounts.AccountStore;
import nl.plein.accounts.Passwords;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.gisdata.demo.DemoData;
import nl.plein.support.Browser;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The evaluation section of a finished work in a real Chromium, on a phone (390 × 844) and a desktop,
 * in Dutch and English: axe finds nothing, figures follow the small-count wording (the mean withheld
 * under 5 evaluations), and a resident evaluates with a rating, texts and a pin placed by keyboard,
 * which the server then keeps as theirs.
 */
class EvaluationSectionBrowserTest {
    static TestServer server;
    static Browser browser;
    static long fiveEvaluated;
    static long fourEvaluated;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = new Browser();
        var admin = server.signedIn("admin@section.test", Role.ADMIN);
        var town = new EvaluationFixtures(server, admin, "Brink");
        fiveEvaluated = town.doneWork("Bankjes op de brink");
        fourEvaluated = town.doneWork("Speeltuin");
        for (int i = 0; i < 5; i++) {
            server.signedIn("buur" + i + "@section.test", Role.RESIDENT).put("/api/works/" + fiveEvaluated
                    + "/evaluation", evaluation(3 + i % 3, point(5.504 + i * 0.0005, 52.506), i % 2 == 0)).expect(200);
        }
        for (int i = 0; i < 4; i++) {
            server.signedIn("kind" + i + "@section.test", Role.RESIDENT).put("/api/works/" + fourEvaluated
                    + "/evaluation", evaluation(4, null, null)).expect(200);
        }
        new AccountStore(Jdbis.create(server.dataSource)).create("anna@section.test",
                Passwords.hash(DemoData.DEMO_PASSWORD), "Anna", Optional.empty(), Role.RESIDENT);
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

    private static void open(Page page, long work, String ready) {
        page.navigate(server.baseUrl + "/#/works/" + work + "/evaluations");
        page.locator(ready).waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    private static void language(Page page, String language, String ready) {
        page.locator("#language-" + language).click();
        page.waitForCondition(() -> language.equals(page.locator("html").getAttribute("lang")));
        page.locator(ready).waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    private static void assertNothingMissing(Page page, String where) {
        String text = page.locator("main").innerText();
        for (String missing : List.of("null", "undefined", "NaN", "{")) {
            assertFalse(text.contains(missing), where + " shows " + missing + ": " + text);
        }
    }

    @Test
    void aResidentEvaluatesOnAPhoneWithAPinPlacedByKeyboardInBothLanguages() {
        Page page = browser.page(390, 844);
        Browser.signIn(page, server.baseUrl, "anna@section.test");
        open(page, fiveEvaluated, "#evaluation-form");
        for (String language : List.of("en", "nl")) {
            language(page, language, "#evaluation-form");
            Browser.assertAccessible(page, "the evaluation form on a phone in " + language);
            assertNothingMissing(page, "the evaluation form in " + language);
        }
        assertTrue(page.locator("#evaluation-count").textContent().contains("5"));
        assertTrue(page.locator("#evaluation-mean").textContent().contains("3,8"), "the mean of 3, 4, 5, 3, 4, in Dutch");

        page.locator("label[for=evaluation-rating-4]").click();
        page.locator("#evaluation-works-well").fill("Veel mensen zitten er in de zon");
        page.locator("#evaluation-not-working").fill("'s Avonds te donker");
        page.locator("#keyboard-start").click();
        page.keyboard().press("Enter");
        page.waitForCondition(() -> page.locator("#evaluation-pin-status").textContent().contains("Speld geplaatst"));
        page.locator("label[for=evaluation-pin-unused]").click();
        page.locator("#evaluation-submit").click();
        page.locator("#evaluation-withdraw").waitFor();
        Browser.assertAccessible(page, "the evaluation form after sending");

        Client anna = new Client(server.baseUrl);
        anna.signIn("anna@section.test", DemoData.DEMO_PASSWORD);
        var own = anna.get("/api/works/" + fiveEvaluated + "/evaluation").expect(200).json();
        assertEquals(4, own.get("rating").asInt());
        assertEquals("'s Avonds te donker", own.get("notWorking").asText());
        assertFalse(own.get("pinUsed").asBoolean());
        double lon = own.get("pin").get("coordinates").get(0).asDouble();
        assertTrue(lon > 5.50 && lon < 5.51, "the pin lies at the map's centre, in the project area: " + own.get("pin"));
        assertTrue(page.locator("#evaluation-texts").textContent().contains("Veel mensen zitten er in de zon"));
        browser.assertNoErrors("evaluating on a phone");
    }

    @Test
    void everyoneSeesTheFiguresWithTheSmallCountWordingOnPhoneAndDesktop() {
        for (Page page : List.of(browser.page(390, 844), browser.desktop())) {
            open(page, fourEvaluated, "#evaluation-figures");
            for (String language : List.of("en", "nl")) {
                language(page, language, "#evaluation-figures");
                Browser.assertAccessible(page, "the figures in " + language);
                assertNothingMissing(page, "the figures in " + language);
                assertTrue(page.locator("#evaluation-count").textContent().contains("<5"));
                assertTrue(page.locator("#evaluation-mean").textContent().contains("5"),
                        "the mean is withheld, saying from how many on it is shown");
                assertTrue(page.locator("#evaluation-sign-in").isVisible());
            }
            assertTrue(page.locator("#evaluation-mean").textContent().startsWith("Het gemiddelde cijfer staat er vanaf 5"));
        }
        browser.assertNoErrors("the figures");
        Page missing = browser.page(390, 844);
        open(missing, 999999, "h1");
        assertEquals("Dit werk bestaat niet.", missing.locator("h1").textContent());
    }
}
