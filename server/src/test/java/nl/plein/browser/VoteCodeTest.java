package nl.plein.browser;

import static nl.plein.support.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Someone without an account votes on a phone with the code from their letter: the code and the
 * neighbourhood on the letter, then the same ballot, sent once. The code, made by the server in a
 * batch for Noord, is used up: sent again it is refused, the refusal shown beside the code field,
 * and no second ballot is kept. A missing code is asked for before anything is sent. A resident of
 * Noord who signs in is asked for their letter's code with their first ballot, which uses it up.
 */
class VoteCodeTest {
    static TestServer server;
    static Browser browser;
    static VoteFixtures vote;
    static List<String> codes;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = new Browser();
        new AccountStore(Jdbis.create(server.dataSource)).create("planner@code.test",
                Passwords.hash(DemoData.DEMO_PASSWORD), "Planner", Optional.empty(), Role.PLANNER);
        new AccountStore(Jdbis.create(server.dataSource)).create("admin@code.test",
                Passwords.hash(DemoData.DEMO_PASSWORD), "Admin", Optional.empty(), Role.ADMIN);
        Client admin = new Client(server.baseUrl);
        admin.signIn("admin@code.test", DemoData.DEMO_PASSWORD);
        long projectId = admin.post("/api/projects", project("Haven", List.of("point", "line", "polygon"), false))
                .expect(201).json().get("id").asLong();
        vote = new VoteFixtures(server, projectId, "knapsack", null, null);
        Client planner = new Client(server.baseUrl);
        planner.signIn("planner@code.test", DemoData.DEMO_PASSWORD);
        String csv = planner.post("/api/votes/" + vote.voteId + "/code-batches", Map.of("areaId", vote.noord, "size", 3))
                .expect(201).body();
        // The first column of every line after the header is a code.
        codes = csv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")[0].replace("\"", "").trim()).toList();
        assertEquals(3, codes.size(), csv);
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    private static long codeBallots() {
        return vote.jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM ballots WHERE vote_id = :vote AND channel = 'code'")
                .bind("vote", vote.voteId).mapTo(Long.class).one());
    }

    private static Page codeBallot(String code) {
        Page page = browser.phone();
        page.navigate(server.baseUrl + "/#/votes/" + vote.voteId);
        page.locator("#vote-code-start").click();
        page.locator("#vote-code").fill(code);
        page.locator("#vote-code-area").selectOption(String.valueOf(vote.noordPot));
        page.locator("#vote-meter").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator("#vote-choose-" + vote.item("Watertappunt")).check();
        page.locator("#vote-choose-" + vote.item("Bankjes op het plein")).check();
        assertTrue(page.locator("#vote-meter").textContent().contains("50.000"), page.locator("#vote-meter").textContent());
        return page;
    }

    @Test
    void aCodeFromALetterCastsOneBallotAndIsThenUsedUp() {
        Page page = codeBallot(codes.get(0));
        Browser.assertAccessible(page, "the code ballot");
        page.locator("#vote-to-review").click();
        page.locator("#vote-send").click();
        page.locator("#vote-receipt-code").waitFor();
        assertFalse(page.locator("#vote-receipt-code").textContent().isBlank());
        assertEquals(0, page.locator("#vote-change").count(), "a code ballot cannot be changed");
        assertEquals(1, codeBallots());
        Map<Long, Integer> choices = vote.jdbi.withHandle(h -> {
            var found = new java.util.TreeMap<Long, Integer>();
            h.createQuery("""
                    SELECT c.item_id, c.points FROM ballots b JOIN ballot_choices c ON c.ballot_id = b.id
                     WHERE b.vote_id = :vote AND b.channel = 'code'""").bind("vote", vote.voteId)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getInt(2))).forEach(e -> found.put(e.getKey(), e.getValue()));
            return found;
        });
        assertEquals(Map.of(vote.item("Watertappunt"), 1, vote.item("Bankjes op het plein"), 1), choices);

        Page again = codeBallot(codes.get(0));
        again.locator("#vote-to-review").click();
        again.locator("#vote-send").click();
        again.locator("#vote-code-error:not([hidden])").waitFor();
        assertFalse(again.locator("#vote-code-error").textContent().isBlank());
        assertEquals("true", again.locator("#vote-code").getAttribute("aria-invalid"));
        assertEquals(1, codeBallots(), "a used code adds no ballot");
        Browser.assertAccessible(again, "the refused code");
    }

    @Test
    void aMissingCodeIsAskedForBeforeAnythingIsSent() {
        Page page = codeBallot("");
        page.locator("#vote-to-review").click();
        page.locator("#vote-send").click();
        page.locator("#vote-code-error:not([hidden])").waitFor();
        assertEquals("Vul de code uit uw brief in.", page.locator("#vote-code-error").textContent());
        assertTrue((Boolean) page.evaluate("() => document.activeElement.id === 'vote-code'"), "focus on the code field");
    }

    @Test
    void aSignedInResidentOfANeighbourhoodThatGotLettersConfirmsTheFirstBallotWithTheLettersCode() {
        String email = "els@code.test";
        vote.resident(email);
        Page page = browser.phone();
        Browser.signIn(page, server.baseUrl, email);
        page.navigate(server.baseUrl + "/#/votes/" + vote.voteId);
        page.locator("#vote-meter").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertTrue(page.locator("#vote-code").isVisible(), "the code of the letter is asked for");
        assertTrue(page.locator("#vote-code-why").textContent().contains("brief"), page.locator("#vote-code-why").textContent());
        Browser.assertAccessible(page, "the ballot asking a signed-in resident for the letter's code");
        page.locator("#vote-choose-" + vote.item("Watertappunt")).check();
        page.locator("#vote-to-review").click();
        page.locator("#vote-send").click();
        page.locator("#vote-code-error:not([hidden])").waitFor();
        assertEquals("Vul de code uit uw brief in.", page.locator("#vote-code-error").textContent());
        assertEquals(Map.of(), vote.ballotOf(email), "nothing is sent without the code");

        page.locator("#vote-code").fill("2222-3333-4444-5555");
        page.locator("#vote-send").click();
        page.waitForCondition(() -> page.locator("#vote-code-error").textContent().contains("niet bekend"));
        assertEquals("true", page.locator("#vote-code").getAttribute("aria-invalid"));
        assertEquals(Map.of(), vote.ballotOf(email), "nor with a wrong one");
        Browser.assertAccessible(page, "the refused letter's code");

        page.locator("#vote-code").fill(codes.get(2).toLowerCase(java.util.Locale.ROOT));
        page.locator("#vote-send").click();
        page.locator("#vote-receipt-code").waitFor();
        assertEquals(Map.of(vote.item("Watertappunt"), 1), vote.ballotOf(email));
        long confirmed = vote.jdbi.withHandle(h -> h.createQuery("""
                SELECT count(*) FROM ballots b JOIN voting_codes c ON c.code_hash = b.code_hash
                 WHERE b.vote_id = :vote AND b.channel = 'account' AND c.used_at IS NOT NULL""")
                .bind("vote", vote.voteId).mapTo(Long.class).one());
        assertEquals(1, confirmed, "the account's ballot used up the letter's code");
        assertTrue(page.locator("#vote-code-panel").isHidden(), "a cast ballot is changed without a code");

        page.reload();
        page.locator("#vote-meter").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertEquals(0, page.locator("#vote-code").count(), "no code asked for once the ballot is cast");
    }
}
