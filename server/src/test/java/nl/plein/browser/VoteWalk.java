package nl.plein.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.plein.budgets.DemoVote;
import nl.plein.db.Jdbis;
import nl.plein.gisdata.demo.DemoData;
import nl.plein.support.Client;
import nl.plein.support.TestServer;

/**
 * The budget vote pages for the whole-site walks: the demo content's open vote (as {@code Main}
 * seeds it), a demo resident whose buurt's pot has items ({@link #voter}) with a ballot already
 * cast (so the ballot page fetches a ballot that exists, not the 404 of "none yet"), and a closed vote with ballots whose results the server counts when first
 * asked. {@link #states} lists each page and each view of it that shows something else: the
 * ballot's list-only view and its review step, the results' "what if" comparison.
 */
final class VoteWalk {
    final long projectId;
    final long openVote;
    final long countedVote;
    /** The demo resident who walks the ballot, living where the demo vote has the most items. */
    final String voter;

    /** A page, or a view of it reached by a step after it is opened. */
    record State(String hash, String name, Consumer<Page> step) {
    }

    /** Seeds the demo vote (on demo content already loaded) and a counted vote; the voter casts a ballot. */
    VoteWalk(TestServer server) {
        var jdbi = Jdbis.create(server.dataSource);
        DemoVote.seed(jdbi);
        openVote = jdbi.withHandle(h -> h.createQuery("SELECT max(id) FROM votes").mapTo(Long.class).one());
        projectId = server.anonymous().get("/api/votes/" + openVote).expect(200).json().get("projectId").asLong();
        voter = jdbi.withHandle(h -> h.createQuery("""
                SELECT a.email FROM accounts a
                  JOIN votes v ON v.id = :vote
                  JOIN vote_pots p ON p.vote_id = v.id
                   AND (p.area_id IS NULL OR p.area_id = area_in_set(a.home_area_id, v.area_set_id))
                  JOIN ballot_items i ON i.pot_id = p.id
                 WHERE a.role = 'resident' AND NOT a.disabled AND a.email LIKE '%@demo.plein.test'
                 GROUP BY a.id, a.email ORDER BY count(*) DESC, a.id LIMIT 1""")
                .bind("vote", openVote).mapTo(String.class).one());
        castFirstItems(server, voter);
        countedVote = countedVote(server);
    }

    /** The resident's ballot: the cheapest item of each of their pots. */
    private void castFirstItems(TestServer server, String resident) {
        Client client = new Client(server.baseUrl);
        client.signIn(resident, DemoData.DEMO_PASSWORD);
        var pots = new HashSet<Long>();
        for (JsonNode pot : client.get("/api/votes/" + openVote + "/ballot/pots").expect(200).json().get("pots")) {
            pots.add(pot.get("id").asLong());
        }
        var cheapest = new java.util.HashMap<Long, JsonNode>();
        for (JsonNode item : server.anonymous().get("/api/votes/" + openVote + "/items").expect(200).json().get("features")) {
            long pot = item.get("properties").get("potId").asLong();
            JsonNode kept = cheapest.get(pot);
            if (pots.contains(pot) && (kept == null || kept.get("properties").get("cost").asLong()
                    > item.get("properties").get("cost").asLong())) {
                cheapest.put(pot, item);
            }
        }
        var choices = new ArrayList<Map<String, Object>>();
        cheapest.values().forEach(item -> choices.add(Map.of("itemId", item.get("properties").get("id").asLong())));
        if (choices.isEmpty()) {
            throw new IllegalStateException("the demo vote has no item in " + resident + "'s pots");
        }
        client.put("/api/votes/" + openVote + "/ballot", Map.of("choices", choices)).expect(200);
    }

    /** A greedy approval vote closed an hour ago, with six items in three pots and ten ballots. */
    private static long countedVote(TestServer server) {
        var fixtures = new VoteAdminFixtures(server);
        var vote = fixtures.vote("Buurtbudget 2026", "approval", "greedy", -48, -1);
        long playground = fixtures.item(vote.id(), vote.cityPot(), "Speeltuin aan de brink", 80_000,
                "POLYGON((5.502 52.502, 5.503 52.502, 5.503 52.503, 5.502 52.503, 5.502 52.502))");
        long benches = fixtures.item(vote.id(), vote.cityPot(), "Bankjes op het plein", 30_000, "POINT(5.505 52.507)");
        long racks = fixtures.item(vote.id(), vote.cityPot(), "Fietsenstalling bij de halte", 15_000, "POINT(5.507 52.503)");
        long trees = fixtures.item(vote.id(), vote.noordPot(), "Bomen in de Noorderstraat", 25_000,
                "LINESTRING(5.501 52.507, 5.506 52.508)");
        fixtures.item(vote.id(), vote.noordPot(), "Watertappunt", 40_000, "POINT(5.504 52.508)");
        long flowers = fixtures.item(vote.id(), vote.zuidPot(), "Bloemen in het Zuiderpark", 40_000, "POINT(5.504 52.502)");
        for (int i = 0; i < 6; i++) {
            fixtures.ballot(vote.id(), fixtures.zuid, playground, flowers);
        }
        for (int i = 0; i < 4; i++) {
            fixtures.ballot(vote.id(), fixtures.noord, benches, racks, trees);
        }
        return vote.id();
    }

    /** What a resident sees: the ballot (map and list, list only, review step) and the results. */
    List<State> residentStates() {
        String ballot = "/votes/" + openVote;
        String results = "/votes/" + countedVote + "/results";
        return List.of(
                new State(ballot, ballot, page -> page.locator("#vote-meter").waitFor()),
                new State(ballot, ballot + " as a list", page -> {
                    page.locator("#vote-view-list").click();
                    page.locator(".list-only").first().waitFor();
                }),
                new State(ballot, ballot + " in review", page -> {
                    page.locator("#vote-to-review").click();
                    page.locator("#vote-review").waitFor();
                }),
                new State(results, results, VoteWalk::resultsReady),
                new State(results, results + " with what if", page -> {
                    resultsReady(page);
                    page.locator("#whatif-toggle").click();
                    page.locator("[data-col=\"otherFunded\"]").first().waitFor();
                }));
    }

    /** What a planner sees besides: a new vote's form and the open vote's management. */
    List<State> plannerStates() {
        return List.of(
                new State("/projects/" + projectId + "/votes/new", "/projects/" + projectId + "/votes/new", page -> { }),
                new State("/votes/" + openVote + "/manage", "/votes/" + openVote + "/manage",
                        page -> page.waitForLoadState(LoadState.NETWORKIDLE)));
    }

    private static void resultsReady(Page page) {
        page.locator("#results-load-status[data-state=\"ready\"]").waitFor();
        page.locator("#money-status[data-state=\"ready\"]").waitFor();
    }
}
