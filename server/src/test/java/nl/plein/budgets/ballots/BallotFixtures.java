package nl.plein.budgets.ballots;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import org.jdbi.v3.core.Jdbi;

/**
 * Votes, pots, items and people for the ballot tests, made by plain SQL in the V14 tables (the
 * routes that make votes and items are another part of issue 16). People get a session row
 * directly, as signing in hundreds of them through Argon2id would only test the password hash.
 * The town: a boundary set of two areas, West and Oost, split at lon 5.505 over the test square.
 */
final class BallotFixtures {
    final Jdbi jdbi;
    final String baseUrl;
    final long setId;
    final long west;
    final long oost;
    final long outside;
    final long projectId;

    BallotFixtures(DataSource dataSource, String baseUrl) {
        this.jdbi = Jdbis.create(dataSource);
        this.baseUrl = baseUrl;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        this.setId = insert("INSERT INTO area_sets (name) VALUES (:name) RETURNING id", Map.of("name", "Buurten " + suffix));
        this.west = area(setId, "BU01", "West", 5.50, 5.505);
        this.oost = area(setId, "BU02", "Oost", 5.505, 5.51);
        long otherSet = insert("INSERT INTO area_sets (name) VALUES (:name) RETURNING id", Map.of("name", "Wijken " + suffix));
        this.outside = area(otherSet, "WK09", "Elders", 5.60, 5.61);
        this.projectId = insert("INSERT INTO projects (title, area, stage) VALUES ('Begroting', "
                + "ST_Multi(ST_MakeEnvelope(5.50, 52.50, 5.51, 52.51, 4326)), 'decide') RETURNING id", Map.of());
    }

    private long area(long set, String code, String name, double westLon, double eastLon) {
        return jdbi.withHandle(h -> h.createQuery("INSERT INTO areas (area_set_id, code, name, population, geom) "
                + "VALUES (:set, :code, :name, 1000, ST_Multi(ST_MakeEnvelope(:w, 52.50, :e, 52.51, 4326))) RETURNING id")
                .bind("set", set).bind("code", code).bind("name", name).bind("w", westLon).bind("e", eastLon)
                .mapTo(Long.class).one());
    }

    long insert(String sql, Map<String, Object> values) {
        return jdbi.withHandle(h -> h.createQuery(sql).bindMap(values).mapTo(Long.class).one());
    }

    long count(String sql, Map<String, Object> values) {
        return insert(sql, values);
    }

    /** When a vote opens and closes, relative to now. */
    enum When {
        OPEN("now() - interval '1 day'", "now() + interval '1 day'"),
        UPCOMING("now() + interval '1 day'", "now() + interval '2 days'"),
        CLOSED("now() - interval '2 days'", "now() - interval '1 day'");

        final String opens;
        final String closes;

        When(String opens, String closes) {
            this.opens = opens;
            this.closes = closes;
        }
    }

    /** A vote with pots per area of the town's set (West and Oost) plus a city-wide one. */
    Vote vote(String type, When when, Integer minItems, Integer maxItems, Integer points, Integer maxPerItem) {
        return vote(type, when, minItems, maxItems, points, maxPerItem, false);
    }

    Vote vote(String type, When when, Integer minItems, Integer maxItems, Integer points, Integer maxPerItem,
            boolean imported) {
        long id = jdbi.withHandle(h -> h.createQuery("INSERT INTO votes (project_id, title, ballot_type, min_items, "
                + "max_items, points, max_points_per_item, rule, area_set_id, opens_at, closes_at, source, pabulib_meta) "
                + "VALUES (:project, 'Begroting 2026', :type, :min, :max, :points, :per, 'greedy', :set, "
                + when.opens + ", " + when.closes + ", :source, CAST(:meta AS jsonb)) RETURNING id")
                .bind("project", projectId).bind("type", type).bind("min", minItems == null ? 0 : minItems)
                .bind("max", maxItems).bind("points", points).bind("per", maxPerItem).bind("set", setId)
                .bind("source", imported ? "pabulib" : "plein").bind("meta", imported ? "{\"rule\":\"greedy\"}" : null)
                .mapTo(Long.class).one());
        long city = pot(id, null, "Hele stad", 100_000);
        long westPot = pot(id, west, "West", 50_000);
        long oostPot = pot(id, oost, "Oost", 50_000);
        return new Vote(id, city, westPot, oostPot,
                List.of(item(id, city, 60_000), item(id, city, 30_000), item(id, city, 20_000)),
                List.of(item(id, westPot, 40_000), item(id, westPot, 20_000)),
                List.of(item(id, oostPot, 10_000)));
    }

    record Vote(long id, long cityPot, long westPot, long oostPot, List<Long> cityItems, List<Long> westItems,
            List<Long> oostItems) {
        String path(String rest) {
            return "/api/votes/" + id + rest;
        }
    }

    long pot(long vote, Long area, String name, long budget) {
        return jdbi.withHandle(h -> h.createQuery("INSERT INTO vote_pots (vote_id, area_id, name, budget) "
                + "VALUES (:vote, :area, :name, :budget) RETURNING id").bind("vote", vote).bind("area", area)
                .bind("name", name).bind("budget", budget).mapTo(Long.class).one());
    }

    long item(long vote, long pot, long cost) {
        return jdbi.withHandle(h -> h.createQuery("INSERT INTO ballot_items (vote_id, pot_id, title, cost, reason) "
                + "VALUES (:vote, :pot, 'Item', :cost, 'Haalbaar') RETURNING id").bind("vote", vote).bind("pot", pot)
                .bind("cost", cost).mapTo(Long.class).one());
    }

    /** A person with a live session: an account (home area may be null) and a session row. */
    Person person(String role, Long homeArea) {
        String token = UUID.randomUUID().toString();
        String csrf = UUID.randomUUID().toString();
        return jdbi.inTransaction(h -> {
            long account = h.createQuery("INSERT INTO accounts (email, password_hash, display_name, role, home_area_id) "
                    + "VALUES (:email, 'no sign-in', 'Persoon', :role, :home) RETURNING id")
                    .bind("email", token + "@test.example").bind("role", role).bind("home", homeArea)
                    .mapTo(Long.class).one();
            h.createUpdate("INSERT INTO sessions (token_hash, account_id, csrf_token, expires_at) "
                    + "VALUES (:hash, :account, :csrf, now() + interval '1 day')")
                    .bind("hash", sha256(token)).bind("account", account).bind("csrf", csrf).execute();
            return new Person(account, new Client(baseUrl), "plein_session=" + token, csrf);
        });
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed-in person's requests: the session cookie and the CSRF token on each. */
    record Person(long accountId, Client client, String cookie, String csrf) {
        Client.Response get(String path) {
            return client.send(HttpRequest.newBuilder(client.uri(path)).header("Cookie", cookie).GET());
        }

        Client.Response send(String method, String path, String json) {
            var builder = HttpRequest.newBuilder(client.uri(path)).header("Cookie", cookie).header("X-CSRF-Token", csrf);
            if (json == null) {
                return client.send(builder.method(method, HttpRequest.BodyPublishers.noBody()));
            }
            return client.send(builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json)));
        }
    }

    /** A ballot's choices as JSON: item ids, each with points when given (pairs: id, points). */
    static String choices(long... itemIds) {
        var out = new StringBuilder("{\"choices\":[");
        for (int i = 0; i < itemIds.length; i++) {
            out.append(i > 0 ? "," : "").append("{\"itemId\":").append(itemIds[i]).append('}');
        }
        return out.append("]}").toString();
    }

    static String pointed(long[] itemIds, int[] points) {
        var out = new StringBuilder("{\"choices\":[");
        for (int i = 0; i < itemIds.length; i++) {
            out.append(i > 0 ? "," : "").append("{\"itemId\":").append(itemIds[i]).append(",\"points\":")
                    .append(points[i]).append('}');
        }
        return out.append("]}").toString();
    }

    /** Rows of the ballot tables, to show that a refused request wrote nothing. */
    String rows() {
        return jdbi.withHandle(h -> h.createQuery("SELECT (SELECT count(*) FROM ballots) || '/' || "
                + "(SELECT count(*) FROM ballot_choices) || '/' || (SELECT count(*) FROM voting_codes WHERE used_at IS NOT NULL)"
                + " || '/' || (SELECT count(*) FROM paper_ballots)").mapTo(String.class).one());
    }

    /** A ballot's choices as stored, "item:points" in item order. */
    List<String> storedChoices(long vote, long account) {
        return jdbi.withHandle(h -> h.createQuery("SELECT c.item_id || ':' || c.points FROM ballot_choices c "
                + "JOIN ballots b ON b.id = c.ballot_id WHERE b.vote_id = :vote AND b.account_id = :account "
                + "ORDER BY c.item_id").bind("vote", vote).bind("account", account).mapTo(String.class).list());
    }
}
