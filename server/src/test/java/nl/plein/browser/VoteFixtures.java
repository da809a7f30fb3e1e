package nl.plein.browser;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.plein.accounts.AccountStore;
import nl.plein.accounts.Passwords;
import nl.plein.accounts.Role;
import nl.plein.db.Jdbis;
import nl.plein.gisdata.demo.DemoData;
import nl.plein.support.TestServer;
import org.jdbi.v3.core.Jdbi;

/**
 * Budget votes for the browser tests, written with plain SQL into the V14 tables (the set-up
 * routes have tests of their own): a boundary set of two halves of the test project's area (Noord
 * above 52.505, Zuid below, 1,000 residents each), a vote with a city-wide pot and a pot per half,
 * and its items. The static steps make any such vote ({@link VoteAdminFixtures} makes the planners'
 * and the results pages' votes with them); an instance is the residents' vote: open since an hour,
 * with items with and without a place, and residents living in Noord.
 */
final class VoteFixtures {
    static final long CITY_BUDGET = 100_000;
    static final long NOORD_BUDGET = 60_000;
    static final long ZUID_BUDGET = 50_000;

    /** A boundary set of the two halves of the test project's area. */
    record Halves(long setId, long noord, long zuid) {
    }

    /** A vote's row besides its project and boundary set; points null for a ballot without points. */
    record Setup(String title, String description, String ballotType, Integer points, Integer maxPointsPerItem,
                 String rule, int opensInHours, int closesInHours) {
    }

    /** A vote and its three pots. */
    record Vote(long id, long cityPot, long noordPot, long zuidPot) {
    }

    final Jdbi jdbi;
    final long projectId;
    final long areaSetId;
    final long noord;
    final long zuid;
    final long voteId;
    final long cityPot;
    final long noordPot;
    final long zuidPot;
    /** Item ids by title. */
    final Map<String, Long> items = new LinkedHashMap<>();
    final Map<String, Long> costs = new LinkedHashMap<>();

    VoteFixtures(TestServer server, long projectId, String ballotType, Integer points, Integer maxPointsPerItem) {
        this.jdbi = Jdbis.create(server.dataSource);
        this.projectId = projectId;
        var halves = halves(jdbi, "Helften " + ballotType + " " + System.nanoTime(), null);
        areaSetId = halves.setId();
        noord = halves.noord();
        zuid = halves.zuid();
        var vote = insertVote(jdbi, projectId, halves, new Setup("Buurtbudget 2027",
                "Wat doen we met het geld voor de buurt?", ballotType, points, maxPointsPerItem, "greedy", -1, 72));
        voteId = vote.id();
        cityPot = vote.cityPot();
        noordPot = vote.noordPot();
        zuidPot = vote.zuidPot();
        item(cityPot, "Speeltuin aan de brink", 80_000,
                "POLYGON((5.502 52.502, 5.503 52.502, 5.503 52.503, 5.502 52.503, 5.502 52.502))");
        item(cityPot, "Bankjes op het plein", 30_000, "POINT(5.505 52.5045)");
        item(cityPot, "Fietsenstalling bij de halte", 15_000, "POINT(5.507 52.503)");
        item(noordPot, "Bomen in de Noorderstraat", 25_000, "LINESTRING(5.501 52.507, 5.506 52.508)");
        item(noordPot, "Watertappunt", 10_000, null);
        item(zuidPot, "Bloemen in het Zuiderpark", 40_000, "POINT(5.504 52.502)");
    }

    /** A boundary set named so (year null for none) holding Noord and Zuid. */
    static Halves halves(Jdbi jdbi, String name, Integer year) {
        long setId = jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO area_sets (name, year) VALUES (:name, :year) RETURNING id""")
                .bind("name", name).bindByType("year", year, Integer.class).mapTo(Long.class).one());
        return new Halves(setId, area(jdbi, setId, "NRD", "Noord", 52.505, 52.51),
                area(jdbi, setId, "ZUD", "Zuid", 52.50, 52.505));
    }

    /** A vote of the project over the halves, opening and closing this many hours from now, with its three pots. */
    static Vote insertVote(Jdbi jdbi, long projectId, Halves halves, Setup setup) {
        long voteId = jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO votes (project_id, title, description, ballot_type, points, max_points_per_item, rule,
                                   area_set_id, opens_at, closes_at)
                VALUES (:project, :title, :description, :type, :points, :perItem, :rule, :set,
                        now() + make_interval(hours => :opens), now() + make_interval(hours => :closes))
                RETURNING id""").bind("project", projectId).bind("title", setup.title())
                .bind("description", setup.description()).bind("type", setup.ballotType())
                .bindByType("points", setup.points(), Integer.class)
                .bindByType("perItem", setup.maxPointsPerItem(), Integer.class).bind("rule", setup.rule())
                .bind("set", halves.setId()).bind("opens", setup.opensInHours()).bind("closes", setup.closesInHours())
                .mapTo(Long.class).one());
        return new Vote(voteId, pot(jdbi, voteId, null, "Hele stad", CITY_BUDGET),
                pot(jdbi, voteId, halves.noord(), "Noord", NOORD_BUDGET),
                pot(jdbi, voteId, halves.zuid(), "Zuid", ZUID_BUDGET));
    }

    /** A ballot item in the pot; {@code wkt} null for an item without a place. */
    static long insertItem(Jdbi jdbi, long voteId, long potId, String title, String description, long cost,
                           String wkt) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO ballot_items (vote_id, pot_id, title, description, cost, reason, geom)
                VALUES (:vote, :pot, :title, :description, :cost, 'Haalbaar binnen een jaar.',
                        ST_GeomFromText(:wkt, 4326))
                RETURNING id""").bind("vote", voteId).bind("pot", potId).bind("title", title)
                .bind("description", description).bind("cost", cost).bindByType("wkt", wkt, String.class)
                .mapTo(Long.class).one());
    }

    /** A resident living in Noord, with the demo accounts' password. */
    void resident(String email) {
        account(jdbi, email, Role.RESIDENT, Optional.of(noord));
    }

    /** An account named after its address, with the demo accounts' password. */
    static void account(Jdbi jdbi, String email, Role role, Optional<Long> home) {
        new AccountStore(jdbi).create(email, Passwords.hash(DemoData.DEMO_PASSWORD), email.split("@")[0], home, role);
    }

    long item(String title) {
        return items.get(title);
    }

    /** The choices (item id → points) kept for the ballot of this account, none when it has none. */
    Map<Long, Integer> ballotOf(String email) {
        return jdbi.withHandle(h -> {
            var found = new LinkedHashMap<Long, Integer>();
            h.createQuery("""
                    SELECT c.item_id, c.points FROM ballots b JOIN accounts a ON a.id = b.account_id
                      JOIN ballot_choices c ON c.ballot_id = b.id
                     WHERE b.vote_id = :vote AND a.email = :email ORDER BY c.item_id""")
                    .bind("vote", voteId).bind("email", email)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getInt(2))).forEach(e -> found.put(e.getKey(), e.getValue()));
            return found;
        });
    }

    long ballots() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM ballots WHERE vote_id = :vote")
                .bind("vote", voteId).mapTo(Long.class).one());
    }

    String receiptOf(String email) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT b.receipt FROM ballots b JOIN accounts a ON a.id = b.account_id
                 WHERE b.vote_id = :vote AND a.email = :email""")
                .bind("vote", voteId).bind("email", email).mapTo(String.class).findOne().orElse(null));
    }

    private void item(long pot, String title, long cost, String wkt) {
        items.put(title, insertItem(jdbi, voteId, pot, title, "Een plan van bewoners.", cost, wkt));
        costs.put(title, cost);
    }

    private static long area(Jdbi jdbi, long setId, String code, String name, double south, double north) {
        String wkt = "MULTIPOLYGON(((5.50 " + south + ", 5.51 " + south + ", 5.51 " + north + ", 5.50 " + north
                + ", 5.50 " + south + ")))";
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO areas (area_set_id, code, name, population, geom)
                VALUES (:set, :code, :name, 1000, ST_GeomFromText(:wkt, 4326)) RETURNING id""")
                .bind("set", setId).bind("code", code).bind("name", name).bind("wkt", wkt).mapTo(Long.class).one());
    }

    private static long pot(Jdbi jdbi, long voteId, Long area, String name, long budget) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO vote_pots (vote_id, area_id, name, budget) VALUES (:vote, :area, :name, :budget)
                RETURNING id""").bind("vote", voteId).bindByType("area", area, Long.class).bind("name", name)
                .bind("budget", budget).mapTo(Long.class).one());
    }
}
