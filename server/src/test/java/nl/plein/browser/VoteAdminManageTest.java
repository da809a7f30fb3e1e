package nl.plein.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import nl.plein.support.Browser;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Managing a vote (#/votes/{id}/manage) on a phone in a real Chromium against the real server and
 * PostGIS: two similar proposals chosen in the list are admitted as one item with a cost, reason
 * and pot; a third is not admitted, with its public reason; the item is edited and removed; a batch
 * of voting codes downloads as a CSV at once; a paper ballot entered by one planner is refused when
 * the same planner confirms it and counted when a second one does; closing the vote opens its
 * results. Each step is checked in the database, and the page passes axe.
 */
class VoteAdminManageTest {
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

    private static Page plannerOnPhone(String email, long voteId) {
        Page page = browser.phone();
        Browser.signIn(page, server.baseUrl, email);
        page.locator("#language-en").click();
        page.waitForCondition(() -> "en".equals(page.locator("html").getAttribute("lang")));
        open(page, voteId);
        return page;
    }

    private static void open(Page page, long voteId) {
        page.navigate(server.baseUrl + "/#/votes/" + voteId + "/manage");
        page.locator("#review-list li").first().waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    private static void forgetRefusals() {
        browser.errors.removeIf(e -> e.startsWith("HTTP 4") || e.startsWith("console: Failed to load resource"));
    }

    @Test
    void plannersAdmitMergeRejectEditAndRemoveItemsBeforeTheVoteOpens() {
        var vote = fixtures.vote("Straatbudget", "knapsack", "greedy", 24, 24 * 14);
        Page page = plannerOnPhone(VoteAdminFixtures.PLANNER, vote.id());
        long first = fixtures.proposals.get("Bomen in de Noorderstraat");
        long second = fixtures.proposals.get("Meer bomen langs de Noorderstraat");
        long third = fixtures.proposals.get("Speeltuin in het Zuiderpark");
        assertEquals(3, page.locator("#review-list li").count());
        assertTrue(page.locator("#review-map path.leaflet-interactive").count() >= 1, "proposals on the map");
        Browser.assertAccessible(page, "the manage page");

        // Nothing chosen: admitting is not possible yet. Then two proposals by keyboard.
        assertTrue(page.locator("#admit-submit").isDisabled());
        page.locator("#admit-select-" + first).focus();
        page.keyboard().press("Space");
        page.locator("#admit-select-" + second).focus();
        page.keyboard().press("Space");
        assertTrue(page.locator("#admit-selected").textContent().contains("2 proposals"), page.locator("#admit-selected").textContent());
        // Both lie in Noord: its pot is the default the form shows.
        assertTrue(page.locator("#admit-pot option").first().textContent().contains("Noord"));

        // Cost missing: asked for by the client, nothing sent.
        page.locator("#admit-reason").fill("Past in het groenplan.");
        page.locator("#admit-submit").click();
        assertFalse(page.locator("#admit-cost-error").isHidden());
        assertEquals(0, fixtures.count("SELECT count(*) FROM ballot_items WHERE vote_id = :vote", vote.id()));

        page.locator("#admit-cost").fill("25000");
        page.locator("#admit-title").fill("Bomen voor de Noorderstraat");
        page.locator("#admit-submit").click();
        page.locator("#item-list li").first().waitFor();
        assertEquals(1, fixtures.count("SELECT count(*) FROM ballot_items WHERE vote_id = :vote", vote.id()));
        assertEquals(2, fixtures.count("""
                SELECT count(*) FROM ballot_item_proposals p JOIN ballot_items i ON i.id = p.item_id
                 WHERE i.vote_id = :vote""", vote.id()), "one item carrying both proposals");
        assertEquals(vote.noordPot(), fixtures.count("SELECT pot_id FROM ballot_items WHERE vote_id = :vote", vote.id()));
        assertEquals("admitted", page.locator("[data-proposal-id=\"" + first + "\"]").getAttribute("data-review"));

        // The third is not admitted, with a public reason everyone can read.
        page.locator("#reject-open-" + third).click();
        page.locator("#reject-reason-" + third).fill("Ligt op grond van het waterschap.");
        page.locator("#reject-submit-" + third).click();
        page.locator("[data-proposal-id=\"" + third + "\"][data-review=\"rejected\"]").waitFor();
        var reviews = server.anonymous().get("/api/votes/" + vote.id() + "/reviews").expect(200).json().get("reviews");
        boolean rejected = false;
        for (var review : reviews) {
            if (review.get("proposalId").asLong() == third) {
                rejected = !review.get("admitted").asBoolean() && review.get("reason").asText().contains("waterschap");
            }
        }
        assertTrue(rejected, reviews.toString());

        // Edit the item's cost; then remove it (a second press confirms).
        long itemId = fixtures.count("SELECT id FROM ballot_items WHERE vote_id = :vote", vote.id());
        page.locator("#item-edit-" + itemId).click();
        page.locator("#item-cost-" + itemId).fill("27500");
        page.locator("#item-save-" + itemId).click();
        page.waitForCondition(() -> fixtures.count("SELECT cost FROM ballot_items WHERE vote_id = :vote", vote.id()) == 27_500);
        page.locator("#item-" + itemId).waitFor();
        Browser.assertAccessible(page, "the manage page with an item and reviews");
        String text = page.locator("main").innerText();
        assertFalse(text.matches("(?s).*\\b(undefined|null|NaN)\\b.*"), text);
        page.locator("#item-remove-" + itemId).click();
        assertEquals(1, fixtures.count("SELECT count(*) FROM ballot_items WHERE vote_id = :vote", vote.id()), "not yet");
        page.locator("#item-remove-confirm-" + itemId).click();
        page.locator("#item-summary").waitFor();
        page.waitForCondition(() -> fixtures.count("SELECT count(*) FROM ballot_items WHERE vote_id = :vote", vote.id()) == 0);
        browser.assertNoErrors("reviewing proposals");
    }

    @Test
    void codesDownloadOnceAndPaperBallotsNeedASecondPersonThenTheVoteCloses() throws Exception {
        var vote = fixtures.vote("Pleinbudget", "knapsack", "greedy", -1, 24 * 7);
        long bench = fixtures.item(vote.id(), vote.cityPot(), "Bankjes op het plein", 30_000, "POINT(5.505 52.5045)");
        fixtures.item(vote.id(), vote.noordPot(), "Watertappunt", 10_000, "POINT(5.503 52.507)");
        Page page = plannerOnPhone(VoteAdminFixtures.PLANNER, vote.id());
        assertTrue(page.locator("#review-list li").first().isVisible());
        assertEquals(0, page.locator("#admit-form").count(), "the ballot is fixed once the vote is open");

        // A batch of 12 codes for Noord: the CSV downloads at once, with a warning.
        assertTrue(page.locator("#codes-warning").textContent().contains("cannot be shown again"));
        page.locator("#codes-area").selectOption(String.valueOf(fixtures.noord));
        page.locator("#codes-size").fill("12");
        Download download = page.waitForDownload(() -> page.locator("#codes-submit").click());
        List<String> lines = Files.readAllLines(download.path()).stream().filter(l -> !l.isBlank()).toList();
        assertEquals(13, lines.size(), "a header and 12 codes: " + lines);
        assertEquals(12, fixtures.count("SELECT count(*) FROM voting_codes WHERE vote_id = :vote", vote.id()));
        page.locator("#codes-table tbody tr").first().waitFor();
        assertEquals("12", page.locator("#codes-table [data-col=\"size\"]").first().textContent());
        assertEquals("0", page.locator("#codes-table [data-col=\"used\"]").first().textContent());
        String code = lines.get(1).split(",")[0].replace("\"", "");

        // A paper ballot with the letter's code, entered by this planner.
        page.locator("#paper-area").selectOption(String.valueOf(fixtures.noord));
        page.locator("#paper-code").fill(code);
        page.locator("#paper-choice-" + bench).check();
        page.locator("#paper-submit").click();
        page.locator("#paper-pending .paper-entry").first().waitFor();
        long paperId = fixtures.count("SELECT id FROM paper_ballots WHERE vote_id = :vote", vote.id());
        Browser.assertAccessible(page, "the manage page with codes and a pending paper ballot");

        // The same planner may not confirm it: refused, said beside it, nothing counted.
        page.locator("#paper-confirm-" + paperId).click();
        page.locator("#paper-status-" + paperId + ":not([hidden])").waitFor();
        assertEquals(0, fixtures.count("SELECT count(*) FROM ballots WHERE vote_id = :vote", vote.id()));
        forgetRefusals();
        browser.assertNoErrors("entering a paper ballot");

        // A second planner confirms it: one ballot counted, the code used.
        Page second = plannerOnPhone(VoteAdminFixtures.SECOND_PLANNER, vote.id());
        second.locator("#paper-confirm-" + paperId).click();
        second.locator("#paper-none").waitFor();
        assertEquals(1, fixtures.count("SELECT count(*) FROM ballots WHERE vote_id = :vote", vote.id()));
        assertEquals(1, fixtures.count("SELECT count(*) FROM voting_codes WHERE vote_id = :vote AND used_at IS NOT NULL", vote.id()));

        // Close now: a first press asks, the second closes, counts and opens the results.
        second.locator("#vote-close").click();
        assertEquals(0, fixtures.count("SELECT count(*) FROM votes WHERE id = :vote AND counted_at IS NOT NULL", vote.id()));
        second.locator("#vote-close-confirm").click();
        second.waitForURL(Pattern.compile(".*#/votes/" + vote.id() + "/results$"));
        second.locator("#results-load-status[data-state=\"ready\"]").waitFor();
        assertEquals(1, fixtures.count("SELECT count(*) FROM votes WHERE id = :vote AND counted_at IS NOT NULL", vote.id()));
        browser.assertNoErrors("confirming and closing");
    }
}
