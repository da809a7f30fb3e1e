package nl.plein.browser;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
import org.junit.jupiter.api.Test;

/** The following page in a real browser: unread marks in words, follow buttons, axe in nl and en. */
class FollowingPageTest {
    static TestServer server;
    static Browser browser;
    static long projectId;
    static long proposalId;
    static Client anna;
    static Client carol;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = new Browser();
        var admin = server.signedIn("admin@page.example", Role.ADMIN);
        var planner = server.signedIn("planner@page.example", Role.PLANNER);
        var bram = server.signedIn("bram@page.example", Role.RESIDENT);
        anna = person("anna@page.example");
        carol = person("carol@page.example");
        projectId = admin.post("/api/projects", project("Stadspark", List.of("point"), false)).expect(201).json()
                .get("id").asLong();
        proposalId = anna.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, "Bankje <b>hier</b>"))
                .expect(201).json().get("id").asLong();
        bram.post("/api/proposals/" + proposalId + "/comments", feature(null, Map.of("body", "Goed idee"))).expect(201);
        bram.post("/api/proposals/" + proposalId + "/comments", feature(null, Map.of("body", "Nog iets"))).expect(201);
        planner.post("/api/proposals/" + proposalId + "/decisions",
                Map.of("status", "under_consideration", "reason", "We bekijken het")).expect(201);
    }

    /** An account with the password the browser signs in with. */
    private static Client person(String email) {
        new AccountStore(Jdbis.create(server.dataSource)).create(email, Passwords.hash(DemoData.DEMO_PASSWORD),
                email.split("@")[0], java.util.Optional.empty(), Role.RESIDENT);
        var client = server.anonymous();
        client.signIn(email, DemoData.DEMO_PASSWORD);
        return client;
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    private static void open(Page page, String hash) {
        page.navigate(server.baseUrl + "/#" + hash);
        page.locator("h1").first().waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    private static void language(Page page, String language) {
        page.locator("#language-" + language).click();
        page.waitForCondition(() -> language.equals(page.locator("html").getAttribute("lang")));
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    private static void noMissingValues(Page page, String where) {
        String text = page.locator("body").innerText();
        assertFalse(Pattern.compile("\\b(null|undefined|NaN)\\b|\\[object Object\\]").matcher(text).find(),
                where + ": " + text);
    }

    @Test
    void aResidentReadsTheNewsOnAPhoneInDutchAndEnglish() {
        Page page = browser.page(390, 844);
        Browser.signIn(page, server.baseUrl, "anna@page.example");
        page.locator("#unread-count").waitFor();
        assertEquals("(3)", page.locator("#unread-count").innerText());
        open(page, "/following");
        page.locator(".notification.unread").nth(2).waitFor();
        var unread = page.locator(".notification.unread");
        assertEquals(3, unread.count());
        for (int i = 0; i < 3; i++) {
            assertTrue(unread.nth(i).innerText().startsWith("Nieuw"), "the mark is a word, not a colour only");
        }
        assertTrue(unread.first().innerText().contains("Besluit over ‘Bankje <b>hier</b>’: in behandeling"),
                unread.first().innerText());
        assertEquals("#/proposals/" + proposalId, unread.first().locator("a").getAttribute("href"));
        Browser.assertAccessible(page, "the following page in Dutch on a phone");
        noMissingValues(page, "the following page in Dutch");

        language(page, "en");
        page.locator(".notification.unread >> text=New").first().waitFor();
        assertTrue(page.locator("#unread-status").innerText().contains("3 unread"));
        Browser.assertAccessible(page, "the following page in English on a phone");
        noMissingValues(page, "the following page in English");

        page.locator("#mark-read").click();
        page.locator("#unread-status").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("0 unread"))
                .waitFor();
        assertEquals(0, page.locator(".notification.unread").count());
        assertEquals(0, anna.get("/api/following/unread").expect(200).json().get("unread").asLong());
        browser.assertNoErrors("the following page");
        page.context().close();
    }

    @Test
    void followButtonsOnProjectAndProposalPagesAndEmailOffOnTheDesktop() {
        Page page = browser.desktop();
        Browser.signIn(page, server.baseUrl, "carol@page.example");
        open(page, "/projects/" + projectId);
        var follow = page.locator("#follow-project-button");
        follow.and(page.locator(":enabled")).waitFor();
        assertEquals("false", follow.getAttribute("aria-pressed"));
        follow.click();
        page.locator("#follow-project-button[aria-pressed=true]").waitFor();
        assertEquals(1, page.locator("head link[rel=alternate][type='application/atom+xml']").count());
        assertEquals("/feeds/projects/" + projectId + ".atom", page.locator("#feed-link").getAttribute("href"));

        open(page, "/proposals/" + proposalId);
        page.locator("#follow-proposal-button:enabled").waitFor();
        page.locator("#follow-proposal-button").click();
        page.locator("#follow-proposal-button[aria-pressed=true]").waitFor();
        assertEquals(0, page.locator("head link[rel=alternate][type='application/atom+xml']").count(),
                "the feed link leaves with the project page");

        open(page, "/following");
        page.locator("#follows-list li").nth(1).waitFor();
        assertEquals(2, page.locator("#follows-list li").count());
        assertTrue(page.locator("#email-unavailable").isVisible(), "no SMTP here, and the page says so");
        page.locator("#email-settings input[type=checkbox]").uncheck();
        page.waitForCondition(() -> !carol.get("/api/following").json().get("email").get("enabled").asBoolean());
        Browser.assertAccessible(page, "the following page on the desktop");
        page.locator("#follows-list li").first().locator("button").click();
        page.locator("#follows-list li").nth(1).waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        browser.assertNoErrors("following on the desktop");
        page.context().close();
    }
}
