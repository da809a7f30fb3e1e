package nl.plein.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import java.util.List;
import nl.plein.support.Browser;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ballot's rules as the browser applies them before anything is sent, run in Chromium on the
 * modules the server serves: what a knapsack, approval and cumulative ballot refuse and why, what
 * stops a ballot from being sent, and how the countdown writes a span of time in both languages.
 * The expected figures are worked out by hand from the fixtures below.
 */
class VoteRulesTest {
    static TestServer server;
    static Browser browser;
    static Page page;

    /** Two pots (city-wide 100, area 50) and four items: a 60, b 30, c 20 in the city pot, d 40 in the area's. */
    private static final String SETUP = """
            const { createBallot, itemsOf, potsOf } = await import('/js/votes/ballot.js');
            const pots = [{ id: 1, areaId: null, name: 'Stad', budget: 100 }, { id: 2, areaId: 7, name: 'Noord', budget: 50 }];
            const feature = (id, potId, cost) => ({ type: 'Feature', id, geometry: null,
              properties: { id, potId, title: 'item ' + id, cost, reason: 'r' } });
            const items = itemsOf({ features: [feature(11, 1, 60), feature(12, 1, 30), feature(13, 1, 20), feature(14, 2, 40)] });
            const make = (extra) => createBallot({ vote: { ballotType: 'knapsack', minItems: 0, maxItems: null, points: null,
              maxPointsPerItem: null, pots, ...extra }, items, pots: potsOf({ pots }, [2, 1]) });
            """;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = new Browser();
        page = browser.desktop();
        page.navigate(server.baseUrl + "/");
        page.locator("h1").first().waitFor();
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    private static Object run(String body) {
        return page.evaluate("async () => { " + SETUP + body + " }");
    }

    @Test
    void aKnapsackBallotRefusesWhatNoLongerFitsItsPot() {
        assertEquals(List.of("null", "null", "fit:10", "null", "100:10:2", "50:10:1"), run("""
                const b = make({});
                const out = [b.add(11), b.add(12), b.add(13), b.add(14)].map((r) => r ? r.reason + ':' + r.state.left : 'null');
                const [city, area] = b.pots;
                for (const pot of [city, area]) { const s = b.potState(pot); out.push(pot.budget + ':' + s.left + ':' + s.count); }
                return out;"""));
        // The city-wide pot comes first whatever order the server names the pots in.
        assertEquals("Stad", run("return make({}).pots[0].name;"));
    }

    @Test
    void aBallotOverItsPotOrEmptyCannotBeSent() {
        assertEquals(List.of("empty"), run("return make({}).problems().map((p) => p.kind);"));
        // A draft made before (60 + 30 + 20 = 110 in a pot of 100) is taken up but cannot be sent as it is.
        assertEquals(List.of("over:-10"), run("""
                const b = make({});
                b.set([{ itemId: 11 }, { itemId: 12 }, { itemId: 13 }, { itemId: 99 }]);
                return b.problems().map((p) => p.kind + ':' + p.state.left);"""));
        assertEquals(List.of("11:1", "14:1"), run("""
                const b = make({}); b.add(14); b.add(11); return b.entries().map((e) => e.itemId + ':' + e.points);"""));
    }

    @Test
    void anApprovalBallotKeepsToItsNumberOfItemsPerPot() {
        assertEquals(List.of("null", "null", "maxItems", "null"), run("""
                const b = make({ ballotType: 'approval', minItems: 1, maxItems: 2 });
                return [b.add(11), b.add(12), b.add(13), b.add(14)].map((r) => r ? r.reason : 'null');"""));
        // A pot with nothing chosen is left alone; one with too few is named.
        assertEquals(List.of(), run("""
                const b = make({ ballotType: 'approval', minItems: 1, maxItems: 2 });
                b.add(11); return b.problems().map((p) => p.kind);"""));
        assertEquals(List.of("tooFew:Stad"), run("""
                const b = make({ ballotType: 'approval', minItems: 2, maxItems: 3 });
                b.add(11); return b.problems().map((p) => p.kind + ':' + p.state.pot.name);"""));
    }

    @Test
    void aCumulativeBallotSpreadsItsPointsWithinThePotAndPerItem() {
        assertEquals(List.of("null", "null", "perItem", "null", "null", "points", "0", "0:1", "12:1"), run("""
                const b = make({ ballotType: 'cumulative', points: 4, maxPointsPerItem: 2 });
                const out = [b.add(11), b.add(11), b.add(11), b.add(12), b.add(12), b.add(13)].map((r) => r ? r.reason : 'null');
                out.push(String(b.potState(b.pots[0]).pointsLeft));
                b.remove(11, false); b.remove(11, false); b.remove(12, false);
                out.push(b.points(11) + ':' + b.points(12));
                out.push(...b.entries().map((e) => e.itemId + ':' + e.points));
                return out;"""));
    }

    @Test
    void theCountdownWritesDaysHoursAndMinutesInBothLanguages() {
        String texts = """
                const { createI18n } = await import('/js/i18n.js');
                const { durationText, voteStatus } = await import('/js/votes/countdown.js');
                const i18n = await createI18n({ defaultLanguage: 'nl' });
                const minute = 60000;
                const out = [];
                for (const language of ['nl', 'en']) {
                  await i18n.choose(language);
                  out.push(durationText(i18n, (2 * 1440 + 3 * 60) * minute), durationText(i18n, (60 + 1) * minute),
                           durationText(i18n, 30 * 1000));
                }
                const vote = { status: 'open', opensAt: '2026-01-01T00:00:00Z', closesAt: '2026-01-02T00:00:00Z' };
                out.push(voteStatus(vote, Date.parse('2025-12-31T23:59:00Z')), voteStatus(vote, Date.parse('2026-01-01T12:00:00Z')),
                         voteStatus(vote, Date.parse('2026-01-02T00:00:00Z')), voteStatus({ ...vote, status: 'counted' }, 0));
                return out;""";
        assertEquals(List.of("2 dagen en 3 uur", "1 uur en 1 minuut", "1 minuut",
                "2 days and 3 hours", "1 hour and 1 minute", "1 minute",
                "upcoming", "open", "closed", "counted"), page.evaluate("async () => { " + texts + " }"));
        browser.assertNoErrors("the ballot rules");
    }
}
