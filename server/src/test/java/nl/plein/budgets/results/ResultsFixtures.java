package nl.plein.budgets.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plein.db.Jdbis;
import org.jdbi.v3.core.Jdbi;

/**
 * A vote made with plain SQL in the V14 tables (the set-up and ballots helpers' code is not merged
 * here yet), whose winners are worked out by hand in {@link ResultsApiTest}'s comments.
 *
 * <p>Areas (one boundary set): West (lon 5.500–5.505, 1000 residents) and East (5.505–5.510, 500)
 * touch; Far (5.520–5.530, 2000) touches neither. Pots: city-wide (budget 100) and West (50).
 * City items: A 50 (a point in West), A2 50 (a line from 5.503 to 5.507 along one latitude, half
 * in West and half in East), M 50 (a point in Far). West items: D 30 (no geometry), E 30 (a square
 * in West). Ballots (each a voter, by home area): six in West choosing A and A2, three of them also
 * D and two of them E; one in East choosing A; four in Far choosing M.
 */
public final class ResultsFixtures {
    public final Jdbi jdbi;
    final long projectId;
    public long setId;
    public long voteId;
    public long cityPot;
    public long westPot;
    public final Map<String, Long> areas = new LinkedHashMap<>();
    final Map<String, Long> items = new LinkedHashMap<>();

    public ResultsFixtures(Jdbi jdbi, long projectId) {
        this.jdbi = jdbi;
        this.projectId = projectId;
    }

    private static String box(double west, double east) {
        return "MULTIPOLYGON(((" + west + " 52.5," + east + " 52.5," + east + " 52.51," + west + " 52.51," + west
                + " 52.5)))";
    }

    /** The boundary set with West, East and Far. */
    public ResultsFixtures areaSet(String name) {
        setId = jdbi.withHandle(h -> h.createQuery("INSERT INTO area_sets (name) VALUES (:name) RETURNING id")
                .bind("name", name).mapTo(Long.class).one());
        area("West", 1000, box(5.500, 5.505));
        area("East", 500, box(5.505, 5.510));
        area("Far", 2000, box(5.520, 5.530));
        return this;
    }

    private void area(String name, int population, String wkt) {
        areas.put(name, jdbi.withHandle(h -> h.createQuery("INSERT INTO areas (area_set_id, code, name, population, geom) "
                + "VALUES (:set, :code, :name, :population, ST_GeomFromText(:wkt, 4326)) RETURNING id")
                .bind("set", setId).bind("code", "BU-" + name).bind("name", name).bind("population", population)
                .bind("wkt", wkt).mapTo(Long.class).one()));
    }

    /** The vote, open now ({@code closed}: closed an hour ago and not counted), with its pots and items. */
    public ResultsFixtures vote(String rule, boolean closed) {
        voteId = jdbi.withHandle(h -> h.createQuery("INSERT INTO votes (project_id, title, ballot_type, rule, "
                + "area_set_id, opens_at, closes_at) VALUES (:project, 'Buurtbudget', 'approval', :rule, :set, "
                + "now() - interval '2 days', now() + CASE WHEN :closed THEN interval '-1 hour' ELSE interval '1 day' END) "
                + "RETURNING id").bind("project", projectId).bind("rule", rule).bind("set", setId)
                .bind("closed", closed).mapTo(Long.class).one());
        cityPot = pot(null, "City-wide", 100);
        westPot = pot(areas.get("West"), "West", 50);
        item(cityPot, "A", 50, "POINT(5.502 52.505)");
        item(cityPot, "A2", 50, "LINESTRING(5.503 52.505, 5.507 52.505)");
        item(cityPot, "M", 50, "POINT(5.525 52.505)");
        item(westPot, "D", 30, null);
        item(westPot, "E", 30, "POLYGON((5.501 52.501, 5.502 52.501, 5.502 52.502, 5.501 52.502, 5.501 52.501))");
        return this;
    }

    private long pot(Long areaId, String name, long budget) {
        return jdbi.withHandle(h -> h.createQuery("INSERT INTO vote_pots (vote_id, area_id, name, budget) "
                + "VALUES (:vote, :area, :name, :budget) RETURNING id").bind("vote", voteId).bind("area", areaId)
                .bind("name", name).bind("budget", budget).mapTo(Long.class).one());
    }

    private void item(long potId, String title, long cost, String wkt) {
        items.put(title, jdbi.withHandle(h -> h.createQuery("INSERT INTO ballot_items (vote_id, pot_id, title, cost, "
                + "reason, geom) VALUES (:vote, :pot, :title, :cost, 'Feasible', ST_GeomFromText(:wkt, 4326)) "
                + "RETURNING id").bind("vote", voteId).bind("pot", potId).bind("title", title).bind("cost", cost)
                .bind("wkt", wkt).mapTo(Long.class).one()));
    }

    /** The eleven ballots described above. */
    public ResultsFixtures ballots() {
        for (int i = 0; i < 6; i++) {
            var chosen = new ArrayList<>(List.of("A", "A2"));
            if (i < 3) {
                chosen.add("D");
            } else if (i < 5) {
                chosen.add("E");
            }
            ballot("West", chosen);
        }
        ballot("East", List.of("A"));
        for (int i = 0; i < 4; i++) {
            ballot("Far", List.of("M"));
        }
        return this;
    }

    /**
     * A vote closed an hour ago, of {@code ballotType} ("approval" or "cumulative", 8 points), with
     * one city-wide pot of budget 25 and four items of cost 10 that 0, 3, 7 and 12 voters chose:
     * T0, T3, T7 and T12. Twelve ballots without a home area all choose T12, seven of them T7 too,
     * three of those T3 too; on a cumulative ballot T3 gets 5 points, T7 2 and T12 1 (so T3 has 15
     * points, T7 14, T12 12).
     */
    public ResultsFixtures tallies(String ballotType) {
        boolean cumulative = ballotType.equals("cumulative");
        voteId = jdbi.withHandle(h -> h.createQuery("INSERT INTO votes (project_id, title, ballot_type, points, rule, "
                + "opens_at, closes_at) VALUES (:project, 'Tallies', :type, :points, 'greedy', now() - interval '2 days', "
                + "now() - interval '1 hour') RETURNING id").bind("project", projectId).bind("type", ballotType)
                .bind("points", cumulative ? 8 : null).mapTo(Long.class).one());
        cityPot = pot(null, "City-wide", 25);
        for (String title : List.of("T0", "T3", "T7", "T12")) {
            item(cityPot, title, 10, null);
        }
        for (int i = 0; i < 12; i++) {
            var points = new LinkedHashMap<String, Integer>();
            points.put("T12", 1);
            if (i < 7) {
                points.put("T7", 2);
            }
            if (i < 3) {
                points.put("T3", 5);
            }
            if (!cumulative) {
                points.replaceAll((item, p) -> 1);
            }
            ballot(null, null, points);
        }
        return this;
    }

    /**
     * As {@link #tallies} for an approval ballot of one item per pot (max_items 1): 22 ballots, of
     * which 3 choose T3, 7 T7 and 12 T12, so the items' supporters add up to the pot's voters.
     */
    public ResultsFixtures oneChoice() {
        voteId = jdbi.withHandle(h -> h.createQuery("INSERT INTO votes (project_id, title, ballot_type, min_items, "
                + "max_items, rule, opens_at, closes_at) VALUES (:project, 'One each', 'approval', 1, 1, 'greedy', "
                + "now() - interval '2 days', now() - interval '1 hour') RETURNING id").bind("project", projectId)
                .mapTo(Long.class).one());
        cityPot = pot(null, "City-wide", 25);
        for (String title : List.of("T0", "T3", "T7", "T12")) {
            item(cityPot, title, 10, null);
        }
        for (var title : Map.of("T3", 3, "T7", 7, "T12", 12).entrySet()) {
            for (int i = 0; i < title.getValue(); i++) {
                ballot(null, List.of(title.getKey()));
            }
        }
        return this;
    }

    private int receipts;

    void ballot(String home, List<String> chosen) {
        ballot(null, home, chosen);
    }

    /** A ballot cast with the account {@code accountId}, or on paper when it is null. */
    public void ballot(Long accountId, String home, List<String> chosen) {
        var points = new LinkedHashMap<String, Integer>();
        chosen.forEach(item -> points.put(item, 1));
        ballot(accountId, home, points);
    }

    /** A ballot giving each item its points. */
    void ballot(Long accountId, String home, Map<String, Integer> chosen) {
        jdbi.useTransaction(h -> {
            long ballot = h.createQuery("INSERT INTO ballots (vote_id, channel, account_id, area_id, receipt) "
                    + "VALUES (:vote, :channel, :account, :area, :receipt) RETURNING id").bind("vote", voteId)
                    .bind("channel", accountId == null ? "paper" : "account").bind("account", accountId)
                    .bind("area", home == null ? null : areas.get(home))
                    .bind("receipt", "R-" + voteId + "-" + (++receipts)).mapTo(Long.class).one();
            for (var choice : chosen.entrySet()) {
                h.createUpdate("INSERT INTO ballot_choices (ballot_id, item_id, points) VALUES (:ballot, :item, :points)")
                        .bind("ballot", ballot).bind("item", items.get(choice.getKey())).bind("points", choice.getValue())
                        .execute();
            }
        });
    }

    public static Jdbi jdbi(javax.sql.DataSource dataSource) {
        return Jdbis.create(dataSource);
    }
}
