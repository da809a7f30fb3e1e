package nl.plein.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.plein.support.Browser;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A closed vote's results (#/votes/{id}/results) on a phone in a real Chromium against the real
 * server and PostGIS. Ten approval ballots, written in SQL, whose greedy winners are worked out by
 * hand below; the page shows them per pot in its tables and on its map, puts the other rule's
 * answer beside them on request ("what if") exactly as the server gives it, and shows where the
 * money goes and each item's votes with small counts hidden for the public ("<5") and raw for
 * planners, who also get the Pabulib files. Axe-clean in Dutch and English.
 */
class VoteResultsTest {
    static TestServer server;
    static Browser browser;
    static VoteAdminFixtures fixtures;
    static VoteFixtures.Vote vote;
    static final Map<String, Long> ITEMS = new HashMap<>();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = new Browser();
        fixtures = new VoteAdminFixtures(server);
        vote = fixtures.vote("Buurtbudget 2026", "approval", "greedy", -48, -1);
        item(vote.cityPot(), "Speeltuin aan de brink", 80_000, "POLYGON((5.502 52.502, 5.503 52.502, 5.503 52.503, 5.502 52.503, 5.502 52.502))");
        item(vote.cityPot(), "Bankjes op het plein", 30_000, "POINT(5.505 52.507)");
        item(vote.cityPot(), "Fietsenstalling bij de halte", 15_000, "POINT(5.507 52.503)");
        item(vote.noordPot(), "Bomen in de Noorderstraat", 25_000, "POINT(5.503 52.507)");
        item(vote.noordPot(), "Watertappunt", 40_000, "POINT(5.504 52.508)");
        item(vote.zuidPot(), "Bloemen in het Zuiderpark", 40_000, "POINT(5.504 52.502)");
        // Six voters in Zuid approve the playground and the flowers; four in Noord the benches, the
        // bicycle racks and the trees, three of them the water tap too.
        for (int i = 0; i < 6; i++) {
            fixtures.ballot(vote.id(), fixtures.zuid, id("Speeltuin aan de brink"), id("Bloemen in het Zuiderpark"));
        }
        for (int i = 0; i < 4; i++) {
            long[] chosen = i < 3
                    ? new long[] {id("Bankjes op het plein"), id("Fietsenstalling bij de halte"), id("Bomen in de Noorderstraat"), id("Watertappunt")}
                    : new long[] {id("Bankjes op het plein"), id("Fietsenstalling bij de halte"), id("Bomen in de Noorderstraat")};
            fixtures.ballot(vote.id(), fixtures.noord, chosen);
        }
    }

    private static void item(long pot, String title, long cost, String wkt) {
        ITEMS.put(title, fixtures.item(vote.id(), pot, title, cost, wkt));
    }

    private static long id(String title) {
        return ITEMS.get(title);
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

    private static void open(Page page, long voteId) {
        page.navigate(server.baseUrl + "/#/votes/" + voteId + "/results");
        page.locator("#results-load-status[data-state=\"ready\"]").waitFor();
        page.locator("#money-status[data-state=\"ready\"]").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    private static String votesShown(Page page, String title) {
        return page.locator("tr[data-item-id=\"" + id(title) + "\"] [data-col=\"votes\"]").first().textContent();
    }

    private static String funded(Page page, String title) {
        return page.locator("tr[data-item-id=\"" + id(title) + "\"]").getAttribute("data-funded");
    }

    /** No value the client failed to have is written out as text. */
    private static void assertNothingMissing(Page page) {
        String text = page.locator("main").innerText();
        assertFalse(text.matches("(?s).*\\b(undefined|null|NaN)\\b.*"), text);
    }

    @Test
    void anyoneSeesTheWinnersPerPotOnTheMapAndInTablesAndTheOtherRuleOnRequest() {
        Page page = browser.phone();
        open(page, vote.id());
        // Greedy, by hand. City-wide (100,000): the playground (6 approvals, 80,000) first; the
        // benches (4, 30,000) no longer fit the 20,000 left, the bicycle racks (4, 15,000) do.
        // Noord (60,000): the trees (4, 25,000), then the tap (3, 40,000) does not fit 35,000.
        // Zuid (50,000): the flowers (6, 40,000).
        assertEquals("true", funded(page, "Speeltuin aan de brink"));
        assertEquals("false", funded(page, "Bankjes op het plein"));
        assertEquals("true", funded(page, "Fietsenstalling bij de halte"));
        assertEquals("true", funded(page, "Bomen in de Noorderstraat"));
        assertEquals("false", funded(page, "Watertappunt"));
        assertEquals("true", funded(page, "Bloemen in het Zuiderpark"));
        assertEquals("1", page.locator("tr[data-item-id=\"" + id("Speeltuin aan de brink") + "\"] [data-col=\"order\"]").textContent());
        assertEquals(3, page.locator(".results-pot").count());
        // Tallies under the small-count rule: the tap's three approvals are "<5", the playground's six 5.
        assertEquals("<5", votesShown(page, "Watertappunt"));
        assertEquals("5", votesShown(page, "Speeltuin aan de brink"));
        assertTrue(page.locator("#results-public-note").textContent().contains("<5"));
        assertEquals(6, page.locator("#results-map path.leaflet-interactive").count(), "every item on the map");
        assertEquals(3, page.locator("#results-legend li").count(), "a colour per pot");

        // What if: the other rule's answer beside it, as the server gives it.
        page.locator("#whatif-toggle").click();
        page.locator("[data-col=\"otherFunded\"]").first().waitFor();
        assertEquals("true", page.locator("#whatif-toggle").getAttribute("aria-pressed"));
        JsonNode other = server.anonymous().get("/api/votes/" + vote.id() + "/results?rule=equal_shares").expect(200).json();
        int compared = 0;
        for (JsonNode pot : other.get("pots")) {
            for (JsonNode item : pot.get("items")) {
                String shown = page.locator("tr[data-item-id=\"" + item.get("itemId").asLong() + "\"]").getAttribute("data-other-funded");
                assertEquals(String.valueOf(item.get("funded").asBoolean()), shown, item.toString());
                compared++;
            }
        }
        assertEquals(6, compared);
        assertTrue(page.locator("#compare").isVisible());

        // Where the money goes: four voters in Noord are "<5" for the public.
        var noordRow = page.locator("#money-table tr[data-area-id=\"" + fixtures.noord + "\"]");
        assertEquals("<5", noordRow.locator("[data-col=\"voters\"]").textContent());
        assertTrue(page.locator("#money-gini").textContent().matches(".*\\d.*"));
        assertEquals(0, page.locator("[id^=\"pabulib-\"]").count(), "the .pb files are for planners");
        assertTrue((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"),
                "nothing sticks out sideways at 360 px");
        assertNothingMissing(page);
        for (String language : List.of("en", "nl")) {
            page.locator("#language-" + language).click();
            page.waitForCondition(() -> language.equals(page.locator("html").getAttribute("lang")));
            page.locator("#results-load-status[data-state=\"ready\"]").waitFor();
            page.locator("#money-status[data-state=\"ready\"]").waitFor();
            Browser.assertAccessible(page, "the results in " + language);
        }
        browser.assertNoErrors("the results for anyone");
    }

    @Test
    void plannersSeeRawCountsAndThePabulibFiles() {
        Page page = browser.phone();
        Browser.signIn(page, server.baseUrl, VoteAdminFixtures.PLANNER);
        open(page, vote.id());
        var noordRow = page.locator("#money-table tr[data-area-id=\"" + fixtures.noord + "\"]");
        assertEquals("4", noordRow.locator("[data-col=\"voters\"]").textContent());
        assertEquals("3", votesShown(page, "Watertappunt"), "planners see raw tallies");
        assertEquals(0, page.locator("#results-public-note").count());
        String href = page.locator("#pabulib-" + vote.cityPot()).getAttribute("href");
        var file = fixtures.client(VoteAdminFixtures.PLANNER).get(href).expect(200);
        assertTrue(file.body().contains("META") && file.body().contains("PROJECTS") && file.body().contains("VOTES"));
        Browser.assertAccessible(page, "the results for a planner");
        assertNothingMissing(page);

        // The file imported again through the project's votes page: a read-only vote, counted at
        // once, whose results say whether the recorded selection is reproduced.
        page.navigate(server.baseUrl + "/#/projects/" + fixtures.projectId + "/votes/new");
        page.locator("#pabulib-form").waitFor();
        page.locator("#pabulib-text").fill(file.body());
        page.locator("#pabulib-submit").click();
        page.waitForURL(java.util.regex.Pattern.compile(".*#/votes/\\d+/results$"));
        page.locator("#results-load-status[data-state=\"ready\"]").waitFor();
        page.locator("#results-recorded").waitFor();
        assertEquals("true", page.locator("#results-recorded").getAttribute("data-reproduced"),
                "the export records the greedy selection, which greedy replays");
        assertEquals(3, page.locator("#results-pots tbody tr").count(), "the city-wide pot's three items");
        assertNothingMissing(page);
        browser.assertNoErrors("the results for a planner");
    }

    @Test
    void onACumulativeBallotThePublicSeesVotersRoundedAndNoPointsOfAnItemFewerThanFiveChose() {
        var cumulative = fixtures.cumulativeVote("Punten verdelen");
        long bench = fixtures.item(cumulative.id(), cumulative.cityPot(), "Bank bij de vijver", 20_000, "POINT(5.503 52.504)");
        long tree = fixtures.item(cumulative.id(), cumulative.cityPot(), "Boom op de hoek", 30_000, "POINT(5.504 52.505)");
        // Three voters give the bench 5 points each; six give the tree 2 each.
        for (int i = 0; i < 6; i++) {
            fixtures.pointsBallot(cumulative.id(), fixtures.zuid, i < 3 ? Map.of(bench, 5, tree, 2) : Map.of(tree, 2));
        }
        Page page = browser.phone();
        open(page, cumulative.id());
        var benchRow = page.locator("tr[data-item-id=\"" + bench + "\"]");
        var treeRow = page.locator("tr[data-item-id=\"" + tree + "\"]");
        assertEquals("x", benchRow.locator("[data-col=\"votes\"]").textContent(), "three voters' points are not shown");
        assertEquals("<5", benchRow.locator("[data-col=\"supporters\"]").textContent());
        assertEquals("12", treeRow.locator("[data-col=\"votes\"]").textContent());
        assertEquals("5", treeRow.locator("[data-col=\"supporters\"]").textContent());
        assertEquals("true", benchRow.getAttribute("data-funded"), "15 points fund the bench first, hidden or not");
        assertTrue(page.locator("#results-public-note").textContent().contains("x"));
        assertNothingMissing(page);
        for (String language : List.of("en", "nl")) {
            page.locator("#language-" + language).click();
            page.waitForCondition(() -> language.equals(page.locator("html").getAttribute("lang")));
            page.locator("#results-load-status[data-state=\"ready\"]").waitFor();
            page.locator("#money-status[data-state=\"ready\"]").waitFor();
            Browser.assertAccessible(page, "a cumulative vote's results in " + language);
            assertNothingMissing(page);
        }
        browser.assertNoErrors("a cumulative vote's results");
    }

    @Test
    void anOpenVoteHasNoResultsYet() {
        var open = fixtures.vote("Nog open", "approval", "greedy", -1, 48);
        Page page = browser.phone();
        page.navigate(server.baseUrl + "/#/votes/" + open.id() + "/results");
        page.locator("#results-not-yet").waitFor();
        assertFalse(page.locator("#results-tables").isVisible());
        Browser.assertAccessible(page, "an open vote's results page");
        browser.assertNoErrors("an open vote's results page");
    }

    /** A presentation of one slide with the vote's layer, on the projector, drawn. */
    private static Page projector(long voteId, String slideTitle) {
        var planner = fixtures.client(VoteAdminFixtures.PLANNER);
        long presentation = planner.post("/api/projects/" + fixtures.projectId + "/presentations",
                Map.of("title", "Raad")).expect(201).json().get("id").asLong();
        planner.post("/api/presentations/" + presentation + "/slides", Map.of("title", slideTitle, "text", "",
                "view", Map.of("bbox", List.of(5.50, 52.50, 5.51, 52.51), "basemap", false,
                        "layers", Map.of("vote", Map.of("voteId", voteId))))).expect(201);
        Page page = browser.desktop();
        page.navigate(server.baseUrl + "/#/presentations/" + presentation + "/show");
        page.locator(".slide-frame[data-state=\"ready\"]").waitFor();
        page.locator("#slide-legend-vote").waitFor();
        return page;
    }

    @Test
    void theProjectorDrawsAVotesItemsColouredByPotFundedOnesFilled() {
        Page page = projector(vote.id(), "Wat er komt");
        assertEquals(3, page.locator("#slide-legend-vote li").count(), "a colour per pot");
        // The six items: the four the hand count above funds (playground, bicycle racks, trees,
        // flowers), and the benches and the water tap dashed, as the meeting record draws them.
        assertEquals(6, page.locator(".slide-map path.leaflet-interactive").count());
        assertEquals(2, page.locator(".slide-map path.leaflet-interactive[stroke-dasharray]").count());
        assertEquals("", page.locator(".slide-status").textContent(), "no layer failed");
        Browser.assertAccessible(page, "the projector with a vote layer");
        browser.assertNoErrors("the projector with a vote layer");
    }

    @Test
    void beforeAVoteClosesTheProjectorDrawsTheItemsOnTheBallot() {
        var open = fixtures.vote("Nog te kiezen", "approval", "greedy", -1, 48);
        fixtures.item(open.id(), open.cityPot(), "Picknicktafel", 5_000, "POINT(5.505 52.505)");
        fixtures.item(open.id(), open.noordPot(), "Hondenveldje", 9_000, "POINT(5.503 52.508)");
        Page page = projector(open.id(), "Op het stembiljet");
        assertTrue(page.locator("#slide-legend-vote").textContent().contains("Nog te kiezen"),
                page.locator("#slide-legend-vote").textContent());
        assertEquals(2, page.locator(".slide-map path.leaflet-interactive").count(), "the two items on the ballot");
        assertEquals(0, page.locator(".slide-map path.leaflet-interactive[stroke-dasharray]").count(),
                "drawn filled: nothing is 'not funded' before counting");
        assertEquals("", page.locator(".slide-status").textContent(), "no layer failed");
        browser.assertNoErrors("the projector with an open vote's layer");
    }

    @Test
    void onADesktopTheMapSitsBesideItsLegendAndTheWhatIfPassesAxe() {
        Page page = browser.desktop();
        Browser.signIn(page, server.baseUrl, VoteAdminFixtures.PLANNER);
        open(page, vote.id());
        page.locator("#whatif-toggle").click();
        page.locator("#compare").waitFor();
        var map = page.locator("#results-map").boundingBox();
        var legend = page.locator("#results-legend").boundingBox();
        assertTrue(legend.x >= map.x + map.width - 1, "the legend beside the map, not over it");
        assertTrue(page.locator("#compare-areas tbody tr").count() == 2, "both halves compared");
        Browser.assertAccessible(page, "the results with what-if on a desktop");
        assertNothingMissing(page);
        browser.assertNoErrors("the results on a desktop");
    }

    @Test
    void theComposerOffersTheProjectsVotesAsASlideLayer() {
        var planner = fixtures.client(VoteAdminFixtures.PLANNER);
        long presentation = planner.post("/api/projects/" + fixtures.projectId + "/presentations",
                Map.of("title", "Commissie")).expect(201).json().get("id").asLong();
        Page page = browser.desktop();
        Browser.signIn(page, server.baseUrl, VoteAdminFixtures.PLANNER);
        page.navigate(server.baseUrl + "/#/presentations/" + presentation + "/edit");
        page.locator("#slide-form").waitFor();
        page.waitForCondition(() -> page.locator("#layer-vote").isEnabled());
        page.locator("#slide-title-input").fill("Wat er komt");
        page.locator("#layer-proposals").uncheck();
        page.locator("#layer-vote").check();
        page.locator("#vote-layer-vote").selectOption(String.valueOf(vote.id()));
        page.locator("#slide-submit").click();
        page.waitForCondition(() -> page.locator("#slide-list > li").count() == 1);
        JsonNode layers = server.anonymous().get("/api/presentations/" + presentation).expect(200).json()
                .get("slides").get(0).get("view").get("layers");
        assertEquals(vote.id(), layers.get("vote").get("voteId").asLong(), layers.toString());
        Browser.assertAccessible(page, "the composer with a vote layer");
        browser.assertNoErrors("the composer with a vote layer");
    }
}
