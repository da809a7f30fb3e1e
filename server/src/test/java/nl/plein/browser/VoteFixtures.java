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
 * A budget vote for the residents' browser tests, written with plain SQL into the V14 tables (the
 * set-up routes are another helper's work): a boundary set of two halves of the test project's area
 * (Noord above 52.505, Zuid below), a vote open since an hour with a city-wide pot and a pot per
 * half, and items with and without a place. Residents live in Noord.
 */
final class VoteFixtures {
    static final long CITY_BUDGET = 100_000;
    static final long NOORD_BUDGET = 60_000;
    static final long ZUID_BUDGET = 50_000;

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
        String suffix = " " + ballotType + " " + System.nanoTime();
        areaSetId = id("INSERT INTO area_sets (name) VALUES (:name) RETURNING id", Map.of("name", "Helften" + suffix));
        noord = area("NRD", "Noord", 52.505, 52.51);
        zuid = area("ZUD", "Zuid", 52.50, 52.505);
        var vote = new LinkedHashMap<String, Object>();
        vote.put("project", projectId);
        vote.put("type", ballotType);
        vote.put("points", points);
        vote.put("perItem", maxPointsPerItem);
        vote.put("set", areaSetId);
        voteId = id("""
                INSERT INTO votes (project_id, title, description, ballot_type, points, max_points_per_item, rule,
                                   area_set_id, opens_at, closes_at)
                VALUES (:project, 'Buurtbudget 2027', 'Wat doen we met het geld voor de buurt?', :type, :points,
                        :perItem, 'greedy', :set, now() - interval '1 hour', now() + interval '3 days')
                RETURNING id""", vote);
        cityPot = pot(null, "Hele stad", CITY_BUDGET);
        noordPot = pot(noord, "Noord", NOORD_BUDGET);
        zuidPot = pot(zuid, "Zuid", ZUID_BUDGET);
        item(cityPot, "Speeltuin aan de brink", 80_000,
                "POLYGON((5.502 52.502, 5.503 52.502, 5.503 52.503, 5.502 52.503, 5.502 52.502))");
        item(cityPot, "Bankjes op het plein", 30_000, "POINT(5.505 52.5045)");
        item(cityPot, "Fietsenstalling bij de halte", 15_000, "POINT(5.507 52.503)");
        item(noordPot, "Bomen in de Noorderstraat", 25_000, "LINESTRING(5.501 52.507, 5.506 52.508)");
        item(noordPot, "Watertappunt", 10_000, null);
        item(zuidPot, "Bloemen in het Zuiderpark", 40_000, "POINT(5.504 52.502)");
    }

    /** A resident living in Noord, with the demo accounts' password. */
    void resident(String email) {
        new AccountStore(jdbi).create(email, Passwords.hash(DemoData.DEMO_PASSWORD), email.split("@")[0],
                Optional.of(noord), Role.RESIDENT);
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

    private long area(String code, String name, double south, double north) {
        String wkt = "MULTIPOLYGON(((5.50 " + south + ", 5.51 " + south + ", 5.51 " + north + ", 5.50 " + north
                + ", 5.50 " + south + ")))";
        return id("""
                INSERT INTO areas (area_set_id, code, name, population, geom)
                VALUES (:set, :code, :name, 1000, ST_GeomFromText(:wkt, 4326)) RETURNING id""",
                Map.of("set", areaSetId, "code", code, "name", name, "wkt", wkt));
    }

    private long pot(Long area, String name, long budget) {
        var values = new LinkedHashMap<String, Object>();
        values.put("vote", voteId);
        values.put("area", area);
        values.put("name", name);
        values.put("budget", budget);
        return id("INSERT INTO vote_pots (vote_id, area_id, name, budget) VALUES (:vote, :area, :name, :budget) RETURNING id",
                values);
    }

    private void item(long pot, String title, long cost, String wkt) {
        var values = new LinkedHashMap<String, Object>();
        values.put("vote", voteId);
        values.put("pot", pot);
        values.put("title", title);
        values.put("cost", cost);
        values.put("wkt", wkt);
        items.put(title, id("""
                INSERT INTO ballot_items (vote_id, pot_id, title, description, cost, reason, geom)
                VALUES (:vote, :pot, :title, 'Een plan van bewoners.', :cost, 'Haalbaar binnen een jaar.',
                        ST_GeomFromText(:wkt, 4326))
                RETURNING id""", values));
        costs.put(title, cost);
    }

    private long id(String sql, Map<String, Object> values) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql);
            values.forEach((name, value) -> {
                if (value == null) {
                    query.bindByType(name, null, name.equals("area") || name.equals("points") || name.equals("perItem")
                            ? (name.equals("area") ? Long.class : Integer.class) : String.class);
                } else {
                    query.bind(name, value);
                }
            });
            return query.mapTo(Long.class).one();
        });
    }
}
