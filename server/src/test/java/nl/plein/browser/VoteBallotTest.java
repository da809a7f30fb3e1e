package nl.plein.browser;

import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.plein.accounts.AccountStore;
import nl.plein.accounts.Passwords;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.gisdata.demo.DemoData;
import nl.plein.http.Json;
import nl.plein.support.Browser;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A resident votes in a knapsack budget vote on a phone (360 × 740), in a real Chromium against the
 * real server and PostGIS: by the list with the keyboard only, on the map by touch; the "€ left" of
 * each pot is told in a live region as choices change; a choice that does not fit is refused in the
 * browser, and a ballot over the pot that reaches the server anyway is refused there, shown on the
 * page, and not kept; the draft survives a reload; the receipt is the one the server keeps; a cast
 * ballot comes back prefilled and can be changed, still one ballot. Every step passes axe.
 */
class VoteBallotTest {
    static TestServer server;
    static Browser browser;
    static VoteFixtures vote;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = new Browser();
        new AccountStore(Jdbis.create(server.dataSource)).create("admin@vote.test",
                Passwords.hash(DemoData.DEMO_PASSWORD), "Admin", Optional.empty(), Role.ADMIN);
        Client admin = new Client(server.baseUrl);
        admin.signIn("admin@vote.test", DemoData.DEMO_PASSWORD);
        long projectId = admin.post("/api/projects", project("Brink", List.of("point", "line", "polygon"), false))
                .expect(201).json().get("id").asLong();
        vote = new VoteFixtures(server, projectId, "knapsack", null, null);
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

    private static Page residentOnPhone(String email, boolean touch) {
        vote.resident(email);
        Page page = touch ? browser.touchPhone() : browser.phone();
        Browser.signIn(page, server.baseUrl, email);
        openVote(page);
        return page;
    }

    private static void openVote(Page page) {
        page.navigate(server.baseUrl + "/#/votes/" + vote.voteId);
        page.locator("#vote-meter").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    private static String meter(Page page) {
        return page.locator("#vote-meter").textContent();
    }

    /** Presses Tab until the focus is on what the selector names (the keyboard is the only way in). */
    private static void tabTo(Page page, String selector) {
        for (int i = 0; i < 400; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)) {
                return;
            }
        }
        fail("Tab never reached " + selector);
    }

    private static String choose(String title) {
        return "#vote-choose-" + vote.item(title);
    }

    /**
     * Errors the browser saw, less those expected. "No ballot yet" is none of them: GET /ballot
     * answers 204 then, which the browser does not log as an error.
     */
    private static void assertNoErrorsBut(String where, String... expected) {
        var left = browser.errors.stream()
                .filter(e -> java.util.Arrays.stream(expected).noneMatch(e::contains))
                .toList();
        assertEquals(List.of(), left, "browser errors on " + where);
    }

    @Test
    void aResidentVotesByTheListWithTheKeyboardOnlyAndGetsTheReceiptTheServerKeeps() {
        String email = "kees@vote.test";
        Page page = residentOnPhone(email, false);
        assertTrue(page.locator("#vote-who-pots").textContent().contains("Noord"), "votes in the pot of Noord");
        assertEquals(0, page.locator(choose("Bloemen in het Zuiderpark")).count(), "Zuid's items are not on this ballot");
        assertEquals("polite", page.locator("#vote-meter").getAttribute("aria-live"));
        Browser.assertAccessible(page, "the ballot on a phone");

        String before = meter(page);
        tabTo(page, choose("Bankjes op het plein"));
        page.keyboard().press("Space");
        // 100 000 − 30 000 left in the city-wide pot, in Dutch figures.
        page.waitForCondition(() -> meter(page).contains("70.000"));
        assertNotEquals(before, meter(page), "the live region says what changed");
        tabTo(page, choose("Watertappunt"));
        page.keyboard().press("Space");
        page.waitForCondition(() -> meter(page).contains("50.000"), new Page.WaitForConditionOptions().setTimeout(5000));

        tabTo(page, "#vote-to-review");
        page.keyboard().press("Enter");
        page.locator("#vote-review").waitFor();
        assertTrue(page.locator("#vote-review").textContent().contains("Bankjes op het plein"));
        Browser.assertAccessible(page, "the review step");
        tabTo(page, "#vote-send");
        page.keyboard().press("Enter");
        page.locator("#vote-receipt-code").waitFor();
        String receipt = page.locator("#vote-receipt-code").textContent();
        assertFalse(receipt.isBlank());
        assertEquals(vote.receiptOf(email), receipt, "the receipt is the one the server keeps");
        assertEquals(Map.of(vote.item("Bankjes op het plein"), 1, vote.item("Watertappunt"), 1), vote.ballotOf(email));
        Browser.assertAccessible(page, "the receipt");
        assertNoErrorsBut("voting by keyboard");
    }

    @Test
    void onTheMapAnItemIsChosenByTouchAndTheListFollows() {
        Page page = residentOnPhone("femke@vote.test", true);
        String before = meter(page);
        var marker = page.locator(".vote-marker[aria-label^='Fietsenstalling bij de halte']");
        marker.scrollIntoViewIfNeeded();
        marker.tap();
        var inPopup = page.locator(".leaflet-popup #vote-map-choose-" + vote.item("Fietsenstalling bij de halte"));
        inPopup.waitFor();
        page.locator(".leaflet-popup label[for='vote-map-choose-" + vote.item("Fietsenstalling bij de halte") + "']").tap();
        assertTrue(inPopup.isChecked());
        assertTrue(page.locator(choose("Fietsenstalling bij de halte")).isChecked(), "the list follows the map");
        assertTrue(meter(page).contains("85.000"), "100 000 − 15 000: " + meter(page));
        assertNotEquals(before, meter(page));
        assertTrue(marker.getAttribute("class").contains("chosen"));
        assertEquals("✓", marker.getAttribute("data-mark"), "chosen is shown by a tick, not only a colour");
        Browser.assertAccessible(page, "the ballot with a popup open");
        assertNoErrorsBut("voting on the map");
    }

    @Test
    void aChoiceOverThePotIsRefusedInTheBrowserAndByTheServer() {
        String email = "joost@vote.test";
        Page page = residentOnPhone(email, false);
        page.locator(choose("Speeltuin aan de brink")).check();
        assertTrue(meter(page).contains("20.000"), meter(page));
        // Bankjes (30 000) does not fit in the 20 000 left: refused, with the reason in words.
        page.locator(choose("Bankjes op het plein")).click();
        assertFalse(page.locator(choose("Bankjes op het plein")).isChecked());
        page.waitForCondition(() -> page.locator("#vote-notice").textContent().contains("Bankjes op het plein"));
        assertTrue(page.locator("#vote-item-" + vote.item("Bankjes op het plein") + "-fit").isVisible(),
                "the list says which items no longer fit");

        // A ballot changed on its way (as by a second tab or a crafted request) reaches the server over the pot.
        page.route("**/api/votes/" + vote.voteId + "/ballot", route -> {
            if (!"PUT".equals(route.request().method())) {
                route.resume();
                return;
            }
            String body = "{\"choices\":[{\"itemId\":" + vote.item("Speeltuin aan de brink") + ",\"points\":1},{\"itemId\":"
                    + vote.item("Bankjes op het plein") + ",\"points\":1}]}";
            route.resume(new Route.ResumeOptions().setPostData(body));
        });
        page.locator("#vote-to-review").click();
        page.locator("#vote-send").click();
        var shown = page.locator("#vote-review .error:not([hidden]), #vote-who .error:not([hidden])");
        shown.first().waitFor();
        assertFalse(shown.first().textContent().isBlank(), "the server's refusal is shown");
        assertEquals(Map.of(), vote.ballotOf(email), "nothing was kept");
        assertTrue(page.locator("#vote-receipt").isHidden());
        Browser.assertAccessible(page, "the refused ballot");
        assertNoErrorsBut("the refused ballot", "HTTP 4", "status of 4");
    }

    @Test
    void aDraftSurvivesAReloadAndACastBallotCanBeChangedStillOneBallot() {
        String email = "ilse@vote.test";
        Page page = residentOnPhone(email, false);
        page.locator(choose("Bomen in de Noorderstraat")).check();
        page.reload();
        page.locator("#vote-meter").waitFor();
        assertTrue(page.locator(choose("Bomen in de Noorderstraat")).isChecked(), "the draft came back");
        assertTrue(page.locator("#vote-draft-note").isVisible(), "and says it is not sent yet");
        assertTrue(meter(page).contains("35.000"), meter(page));

        page.locator("#vote-to-review").click();
        page.locator("#vote-send").click();
        page.locator("#vote-receipt-code").waitFor();
        assertEquals(Boolean.TRUE, page.evaluate("id => localStorage.getItem(`plein.vote.${id}.draft`) === null", String.valueOf(vote.voteId)),
                "the draft is gone once sent");
        long ballots = vote.ballots();

        // Back later: the cast ballot is prefilled from the server, and changed.
        page.reload();
        page.locator("#vote-meter").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertTrue(page.locator("#vote-cast-note").textContent().contains(vote.receiptOf(email)));
        assertTrue(page.locator(choose("Bomen in de Noorderstraat")).isChecked(), "prefilled from the server");
        assertTrue(page.locator("#vote-draft-note").isHidden());
        page.locator(choose("Bomen in de Noorderstraat")).uncheck();
        page.locator(choose("Fietsenstalling bij de halte")).check();
        page.locator("#vote-to-review").click();
        page.locator("#vote-send").click();
        page.waitForCondition(() -> page.locator("#vote-receipt").isVisible());
        assertEquals(Map.of(vote.item("Fietsenstalling bij de halte"), 1), vote.ballotOf(email));
        assertEquals(ballots, vote.ballots(), "changing a ballot does not add one");
        assertNoErrorsBut("draft and change");
    }

    @Test
    void theProjectPageShowsTheVoteWithItsStatusCountdownAndLink() {
        Page page = browser.phone();
        page.navigate(server.baseUrl + "/#/projects/" + vote.projectId);
        var link = page.locator("#project-votes a[href='#/votes/" + vote.voteId + "']");
        link.waitFor();
        String block = page.locator("#project-votes").textContent();
        assertTrue(block.contains("Open"), block);
        assertTrue(block.matches("(?s).*sluit over 2 dagen en 23 uur.*|(?s).*sluit over 3 dagen.*"), block);
        Browser.assertAccessible(page, "the project page with its vote");
        link.click();
        page.locator("h1:has-text('Buurtbudget 2027')").waitFor();
        assertTrue(page.locator("#vote-sign-in").isVisible(), "signed out: sign in to vote");
        assertTrue(page.locator("#vote-code-start").isVisible(), "or vote with a code");
        Browser.assertAccessible(page, "the vote signed out");
        assertNoErrorsBut("the project page and the vote signed out");
    }

    @Test
    void onADesktopInEnglishTheBallotIsAccessibleAndShowsNoMissingValueOrDutch() {
        vote.resident("sam@vote.test");
        Page page = browser.desktop();
        Browser.signIn(page, server.baseUrl, "sam@vote.test");
        page.locator("#language-en").click();
        page.waitForCondition(() -> "en".equals(page.locator("html").getAttribute("lang")));
        openVote(page);
        page.locator(choose("Speeltuin aan de brink")).check();
        page.locator(choose("Bankjes op het plein")).click();
        page.waitForCondition(() -> page.locator("#vote-notice").textContent().contains("does not fit"));
        assertTrue(meter(page).contains("20,000 left of"), meter(page));
        Browser.assertAccessible(page, "the ballot on a desktop in English");
        String text = (String) page.evaluate("() => document.body.innerText");
        assertFalse(text.matches("(?s).*\\b(null|undefined|NaN)\\b.*"), text);
        for (String dutch : List.of("Stedelijke pot", "over van", "Kiezen", "Uw stem")) {
            assertFalse(text.contains(dutch), "Dutch left in English: " + dutch);
        }
        page.locator("#vote-to-review").click();
        Browser.assertAccessible(page, "the review on a desktop in English");
        assertNoErrorsBut("the ballot on a desktop");
    }

    @Test
    void everyVoteMessageIsThereInDutchAndEnglish() throws Exception {
        JsonNode en = Json.parse(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("..", "map-client", "messages", "en.json")));
        JsonNode nl = Json.parse(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("..", "map-client", "messages", "nl.json")));
        var missing = new java.util.ArrayList<String>();
        en.fieldNames().forEachRemaining(k -> {
            if (k.startsWith("vote.") && !nl.has(k)) missing.add("nl " + k);
        });
        nl.fieldNames().forEachRemaining(k -> {
            if (k.startsWith("vote.") && !en.has(k)) missing.add("en " + k);
        });
        assertEquals(List.of(), missing);
    }
}
