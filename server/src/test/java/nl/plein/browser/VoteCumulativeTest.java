package nl.plein.browser;

import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.Test;

/**
 * A cumulative ballot (5 points per pot, at most 3 on one item), on a phone, in English: points are
 * given with − and + buttons (never typed), a fourth point on one item and a sixth in a pot are
 * refused with the reason in words, the live region counts the points left, and the server keeps
 * the points as given.
 */
class VoteCumulativeTest {
    static TestServer server;
    static Browser browser;
    static VoteFixtures vote;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = new Browser();
        new AccountStore(Jdbis.create(server.dataSource)).create("admin@points.test",
                Passwords.hash(DemoData.DEMO_PASSWORD), "Admin", Optional.empty(), Role.ADMIN);
        Client admin = new Client(server.baseUrl);
        admin.signIn("admin@points.test", DemoData.DEMO_PASSWORD);
        long projectId = admin.post("/api/projects", project("Markt", List.of("point", "line", "polygon"), false))
                .expect(201).json().get("id").asLong();
        vote = new VoteFixtures(server, projectId, "cumulative", 5, 3);
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    private static void press(Page page, String title, String which, int times) {
        var button = page.locator("#vote-item-" + vote.item(title) + " button." + which);
        for (int i = 0; i < times; i++) {
            button.focus();
            page.keyboard().press("Enter");
        }
    }

    @Test
    void pointsAreSpreadWithSteppersWithinThePotAndPerItem() {
        vote.resident("anouk@points.test");
        Page page = browser.phone();
        Browser.signIn(page, server.baseUrl, "anouk@points.test");
        page.locator("#language-en").click();
        page.navigate(server.baseUrl + "/#/votes/" + vote.voteId);
        page.locator("#vote-meter").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertEquals(0, page.locator("#vote-items input[type=number], #vote-items input[type=text]").count(), "no free text for points");
        assertTrue(page.locator("#vote-rules").textContent().contains("5 points"), page.locator("#vote-rules").textContent());

        press(page, "Bankjes op het plein", "more", 4);
        page.waitForCondition(() -> page.locator("#vote-notice").textContent().contains("most points one item can get"));
        assertEquals("3 points", page.locator("#vote-points-" + vote.item("Bankjes op het plein")).textContent());
        press(page, "Fietsenstalling bij de halte", "more", 2);
        assertTrue(page.locator("#vote-meter").textContent().contains("0 points left of 5"), page.locator("#vote-meter").textContent());
        press(page, "Speeltuin aan de brink", "more", 1);
        page.waitForCondition(() -> page.locator("#vote-notice").textContent().contains("no points left"));
        press(page, "Bankjes op het plein", "less", 1);
        assertTrue(page.locator("#vote-meter").textContent().contains("1 point left of 5"), page.locator("#vote-meter").textContent());
        Browser.assertAccessible(page, "the cumulative ballot in English");

        page.locator("#vote-to-review").click();
        assertTrue(page.locator("#vote-review").textContent().contains("You still have 1 point to give"));
        page.locator("#vote-send").click();
        page.locator("#vote-receipt-code").waitFor();
        assertEquals(Map.of(vote.item("Bankjes op het plein"), 2, vote.item("Fietsenstalling bij de halte"), 2),
                vote.ballotOf("anouk@points.test"));
        Browser.assertAccessible(page, "the receipt in English");
    }
}
