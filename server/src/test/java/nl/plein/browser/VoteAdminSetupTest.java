package nl.plein.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import java.util.regex.Pattern;
import nl.plein.support.Browser;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Setting up a budget vote (#/projects/{id}/votes/new) in a real Chromium on a phone (360 × 740)
 * against the real server and PostGIS: the server's refusals appear beside the fields they name and
 * nothing is written; a correct form makes the vote with a city-wide pot and one pot per area, and
 * opens its manage page. A resident gets no form. Axe-clean in Dutch and English.
 */
class VoteAdminSetupTest {
    static TestServer server;
    static Browser browser;
    static VoteAdminFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = new Browser();
        fixtures = new VoteAdminFixtures(server);
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

    private static void open(Page page) {
        page.navigate(server.baseUrl + "/#/projects/" + fixtures.projectId + "/votes/new");
        page.locator("h1").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    private static long votes() {
        return fixtures.count("SELECT count(*) FROM votes WHERE project_id = :vote", fixtures.projectId);
    }

    @Test
    void aPlannerSeesRefusalsBesideTheirFieldsThenSetsUpAVoteWithPotsPerArea() {
        Page page = browser.phone();
        Browser.signIn(page, server.baseUrl, VoteAdminFixtures.PLANNER);
        page.navigate(server.baseUrl + "/#/projects/" + fixtures.projectId);
        page.locator("#votes-admin-link").click();
        page.locator("#vote-form").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        for (String language : List.of("en", "nl")) {
            page.locator("#language-" + language).click();
            page.waitForCondition(() -> language.equals(page.locator("html").getAttribute("lang")));
            page.locator("#vote-form").waitFor();
            Browser.assertAccessible(page, "the vote form in " + language);
        }
        page.locator("#language-en").click();
        page.waitForCondition(() -> "en".equals(page.locator("html").getAttribute("lang")));
        page.locator("#vote-form").waitFor();

        // Each rule has its one line of plain language.
        assertTrue(page.locator("#vote-rule-greedy-explain").textContent().length() > 20);
        assertTrue(page.locator("#vote-rule-equal_shares-explain").textContent().length() > 20);

        // Without a title the client asks for one; nothing is sent.
        page.locator("#vote-submit").click();
        assertFalse(page.locator("#vote-title-error").isHidden());
        assertEquals(0, votes());

        // Approval with more items at least than at most: the server refuses, naming the field, and
        // the page shows the refusal beside it. Then closing before opening, beside the times.
        page.locator("#vote-title").fill("Buurtbudget 2027");
        page.locator("#vote-ballot-type").selectOption("approval");
        page.locator("#vote-min-items").fill("3");
        page.locator("#vote-max-items").fill("2");
        page.locator("#vote-opens").fill("2027-03-10T09:00");
        page.locator("#vote-closes").fill("2027-04-01T09:00");
        page.locator("#vote-city-budget").fill("100000");
        page.locator("#vote-submit").click();
        page.waitForCondition(() -> page.locator(".error:not([hidden])").count() > 0);
        boolean itemsNamed = !page.locator("#vote-min-items-error").isHidden() || !page.locator("#vote-max-items-error").isHidden();
        assertTrue(itemsNamed, "min/max refused beside the fields");
        assertEquals("true", page.locator("[aria-invalid=\"true\"]").first().getAttribute("aria-invalid"));
        assertEquals(0, votes(), "nothing written");

        page.locator("#vote-max-items").fill("4");
        page.locator("#vote-closes").fill("2027-03-01T09:00");
        page.locator("#vote-submit").click();
        page.waitForCondition(() -> !page.locator("#vote-closes-error").isHidden() || !page.locator("#vote-opens-error").isHidden());
        assertTrue(page.locator("#vote-min-items-error").isHidden(), "the corrected field's refusal is gone");
        assertEquals(0, votes(), "nothing written");
        browser.errors.removeIf(e -> e.startsWith("HTTP 4") || e.startsWith("console: Failed to load resource"));

        // Corrected, with the boundary set's halves each getting the same amount: the vote is made.
        page.locator("#vote-closes").fill("2027-04-01T09:00");
        page.locator("#vote-rule-equal_shares").check();
        page.locator("#vote-area-set").selectOption(String.valueOf(fixtures.areaSetId));
        page.locator("#vote-budget-per-area").fill("40000");
        page.locator("#vote-submit").click();
        page.waitForURL(Pattern.compile(".*#/votes/\\d+/manage$"));
        page.locator("#vote-review").waitFor();

        long voteId = Long.parseLong(page.url().replaceAll(".*#/votes/(\\d+)/manage$", "$1"));
        JsonNode vote = server.anonymous().get("/api/votes/" + voteId).expect(200).json();
        assertEquals("Buurtbudget 2027", vote.get("title").asText());
        assertEquals("approval", vote.get("ballotType").asText());
        assertEquals("equal_shares", vote.get("rule").asText());
        assertEquals(3, vote.get("minItems").asInt());
        assertEquals(4, vote.get("maxItems").asInt());
        assertEquals(180_000, vote.get("budget").asLong(), "city-wide 100,000 and 40,000 for each of two areas");
        assertEquals(3, vote.get("pots").size());
        assertEquals(2, fixtures.count("SELECT count(*) FROM vote_pots WHERE vote_id = :vote AND area_id IS NOT NULL", voteId));

        // The new vote is listed with links to manage it and to its results.
        open(page);
        assertEquals(1, page.locator("[data-vote-id=\"" + voteId + "\"] .manage-link").count());
        Browser.assertAccessible(page, "the votes page with a vote");
        browser.assertNoErrors("setting up a vote");
    }

    @Test
    void aResidentGetsNoForm() {
        Page page = browser.phone();
        Browser.signIn(page, server.baseUrl, VoteAdminFixtures.RESIDENT);
        page.navigate(server.baseUrl + "/#/projects/" + fixtures.projectId);
        page.locator("#proposal-list").waitFor();
        assertEquals(0, page.locator("#votes-admin-link").count(), "the link is for planners");
        open(page);
        assertEquals(0, page.locator("#vote-form").count());
        assertEquals(0, page.locator("#pabulib-form").count());
        assertTrue(page.locator("#vote-planners-only").isVisible());
        Browser.assertAccessible(page, "the votes page for a resident");
        browser.assertNoErrors("a resident on the votes page");
    }
}
