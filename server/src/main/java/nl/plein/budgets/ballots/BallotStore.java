package nl.plein.budgets.ballots;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.plein.budgets.ballots.BallotVote.Pot;
import nl.plein.budgets.ballots.BallotVote.Type;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Casting ballots, one per person whatever the route. An account's ballot is one row in
 * {@code ballots} (its unique index), taken with a row lock for each change and its choices written
 * again, all in one transaction: two changes by one person at once follow one another, and 200
 * people at once each keep their own. Where letters with voting codes went to the residents of an
 * area (a code batch for it; a city-wide batch for those with no home area in the vote's set), a
 * resident of that area confirms their first ballot with their letter's code, which that ballot
 * uses up: the letter then casts no second ballot, online or on paper (the unique index on
 * {@code ballots.code_hash} holds it once). Letters for an area come before its residents vote
 * online: a batch is refused once an account of that area voted without a code ({@link VotingCodes}).
 * Every ballot first takes a share lock on its vote's row, so a vote being closed, or a code batch
 * being made, waits for ballots in flight, and no ballot lands after it closed or misses a batch
 * made meanwhile. Who cast a ballot is read only here, to show voters their own ballot.
 */
public final class BallotStore {
    private static final String VOTE = Jdbis.sql(BallotStore.class, "vote.sql");
    private static final String POTS = Jdbis.sql(BallotStore.class, "pots.sql");
    private static final String ITEMS = Jdbis.sql(BallotStore.class, "items.sql");
    private static final String HOME_AREA = Jdbis.sql(BallotStore.class, "home-area.sql");
    private static final String AREA_IN_SET = Jdbis.sql(BallotStore.class, "area-in-set.sql");
    private static final String ACCOUNT_BALLOT = Jdbis.sql(BallotStore.class, "account-ballot.sql");
    private static final String ANONYMOUS_BALLOT = Jdbis.sql(BallotStore.class, "anonymous-ballot.sql");
    private static final String CLEAR_CHOICES = Jdbis.sql(BallotStore.class, "clear-choices.sql");
    private static final String ADD_CHOICES = Jdbis.sql(BallotStore.class, "add-choices.sql");
    private static final String OWN_BALLOT = Jdbis.sql(BallotStore.class, "own-ballot.sql");
    private static final String CHOICES = Jdbis.sql(BallotStore.class, "choices.sql");
    private static final String CODE_BATCH_FOR = Jdbis.sql(BallotStore.class, "code-batch-for.sql");

    /** A ballot as its voter sees it. */
    public record Cast(String receipt, List<Choice> choices, Instant castAt, Instant updatedAt, List<Long> pots) {
        public Map<String, Object> json() {
            var out = new LinkedHashMap<String, Object>();
            var list = new ArrayList<Map<String, Object>>();
            choices.forEach(c -> list.add(Map.of("itemId", c.itemId(), "points", c.pointsOrOne())));
            out.put("receipt", receipt);
            out.put("choices", list);
            out.put("castAt", castAt);
            out.put("updatedAt", updatedAt);
            out.put("pots", pots);
            return out;
        }
    }

    private record Row(long id, String receipt, Instant castAt, Instant updatedAt) {
    }

    /** The voter's own ballot, and whether a new one would need their letter's code (never, once cast). */
    public record Own(Cast cast, boolean codeRequired) {
        public Map<String, Object> json() {
            var out = new LinkedHashMap<>(cast.json());
            out.put("codeRequired", codeRequired);
            return out;
        }
    }

    private final Jdbi jdbi;

    public BallotStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The account's own ballot on the vote, or empty when it has cast none yet (not an error: the
     * ballot page asks on every visit); 404 when there is no such vote.
     */
    public Optional<Own> own(long voteId, long accountId) {
        return jdbi.inTransaction(h -> {
            BallotVote vote = vote(h, voteId);
            Optional<Row> row = ownRow(h, voteId, accountId);
            if (row.isEmpty()) {
                return Optional.<Own>empty();
            }
            Optional<Long> area = homeArea(h, vote, accountId);
            return Optional.of(new Own(new Cast(row.get().receipt(), choices(h, row.get().id()), row.get().castAt(),
                    row.get().updatedAt(), ids(vote.potsFor(area))), false));
        });
    }

    /**
     * The pots the account may vote in (before it has a ballot too): the city-wide pot and its home
     * area's, each with its area, name and budget; and {@code codeRequired}, whether its first
     * ballot needs the code of its letter.
     */
    public Map<String, Object> pots(long voteId, long accountId) {
        return jdbi.inTransaction(h -> {
            BallotVote vote = vote(h, voteId);
            Optional<Long> area = homeArea(h, vote, accountId);
            var pots = new ArrayList<Map<String, Object>>();
            for (Pot pot : vote.potsFor(area)) {
                var json = new LinkedHashMap<String, Object>();
                json.put("id", pot.id());
                json.put("areaId", pot.areaId().orElse(null));
                json.put("name", pot.name());
                json.put("budget", pot.budget());
                pots.add(json);
            }
            var out = new LinkedHashMap<String, Object>();
            out.put("pots", pots);
            out.put("codeRequired", ownRow(h, voteId, accountId).isEmpty() && lettersWentTo(h, voteId, area));
            return out;
        });
    }

    /**
     * Casts or replaces the account's ballot: in its home area's pot and the city-wide pot. A first
     * ballot from an area whose residents got letters needs the letter's {@code code} (400 naming
     * it when missing, unknown or of another area; 409 when used) and uses it up; a later change
     * needs none and leaves a code given untouched. {@code found} runs when a code given needs no
     * counting against the network's wrong tries (it is one of the vote's, or it is not needed).
     */
    public Cast put(long voteId, long accountId, List<Choice> choices, Optional<String> code, Runnable found) {
        return jdbi.inTransaction(h -> {
            BallotVote vote = openVote(h, voteId);
            Optional<Long> area = homeArea(h, vote, accountId);
            List<Pot> pots = vote.potsFor(area);
            byte[] hash = null;
            if (ownRow(h, voteId, accountId).isPresent()) {
                code.ifPresent(c -> found.run());
            } else if (code.isPresent()) {
                hash = letterCode(h, voteId, area, code.get(), found);
            } else if (lettersWentTo(h, voteId, area)) {
                throw ApiError.invalid("code", "is required: letters with voting codes went to "
                        + (area.isPresent() ? "your home area" : "residents city-wide")
                        + "; give your letter's code with your first ballot");
            }
            BallotCheck.check(vote, choices, items(h, voteId, choices), pots);
            if (hash != null) {
                VotingCodes.use(h, voteId, hash);
            }
            var created = new boolean[1];
            Row row = h.createQuery(ACCOUNT_BALLOT).bind("vote", voteId).bind("area", area.orElse(null))
                    .bind("account", accountId).bind("receipt", Codes.receipt()).bind("code", hash)
                    .map((rs, ctx) -> {
                        created[0] = rs.getBoolean(5);
                        return new Row(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                                rs.getTimestamp(4).toInstant());
                    })
                    .one();
            if (hash != null && !created[0]) {
                // This account's first ballot landed meanwhile (another request): keep the letter unused.
                throw ApiError.conflict("code", "your ballot was cast meanwhile; send your change again without the code");
            }
            h.createUpdate(CLEAR_CHOICES).bind("ballot", row.id()).execute();
            writeChoices(h, row.id(), vote, choices);
            return new Cast(row.receipt(), stored(vote, choices), row.castAt(), row.updatedAt(), ids(pots));
        });
    }

    /** A ballot cast without an account: its row's id (a paper ballot records it) and what the voter sees. */
    record Anonymous(long ballotId, Cast cast) {
    }

    /**
     * Casts a ballot without an account (a code, or a confirmed paper ballot) for someone from
     * {@code area} (empty: city-wide only), inside the caller's transaction, which checked it.
     */
    static Anonymous castAnonymous(Handle h, BallotVote vote, String channel, Optional<Long> area, byte[] codeHash,
            List<Choice> choices) {
        List<Pot> pots = vote.potsFor(area);
        Row row = h.createQuery(ANONYMOUS_BALLOT).bind("vote", vote.id()).bind("channel", channel)
                .bind("area", area.orElse(null)).bind("code", codeHash).bind("receipt", Codes.receipt())
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant()))
                .one();
        writeChoices(h, row.id(), vote, choices);
        return new Anonymous(row.id(), new Cast(row.receipt(), stored(vote, choices), row.castAt(), row.updatedAt(),
                ids(pots)));
    }

    /** Checks choices from someone of {@code area} against the vote, its items and that area's pots. */
    static void check(Handle h, BallotVote vote, Optional<Long> area, List<Choice> choices) {
        BallotCheck.check(vote, choices, items(h, vote.id(), choices), vote.potsFor(area));
    }

    /** The vote, its row share-locked until the transaction ends; 404 when there is none. */
    static BallotVote vote(Handle h, long voteId) {
        BallotVote vote = h.createQuery(VOTE).bind("vote", voteId)
                .map((rs, ctx) -> new BallotVote(rs.getLong("id"), rs.getString("title"),
                        Type.valueOf(rs.getString("ballot_type").toUpperCase(java.util.Locale.ROOT)),
                        rs.getInt("min_items"), Optional.ofNullable(rs.getObject("max_items", Integer.class)),
                        Optional.ofNullable(rs.getObject("points", Integer.class)),
                        Optional.ofNullable(rs.getObject("max_points_per_item", Integer.class)),
                        Optional.ofNullable(rs.getObject("area_set_id", Long.class)),
                        rs.getString("source").equals("pabulib"), rs.getString("status"), List.of()))
                .findOne().orElseThrow(() -> ApiError.notFound("Vote " + voteId));
        return vote.withPots(h.createQuery(POTS).bind("vote", voteId)
                .map((rs, ctx) -> new Pot(rs.getLong(1), Optional.ofNullable(rs.getObject(2, Long.class)),
                        rs.getString(3), rs.getLong(4)))
                .list());
    }

    /** The vote, which must be open to ballots: 409 naming {@code vote} otherwise. */
    static BallotVote openVote(Handle h, long voteId) {
        BallotVote vote = vote(h, voteId);
        if (vote.imported()) {
            throw ApiError.conflict("vote", "this vote was imported from Pabulib to replay it; it takes no ballots");
        }
        if (!vote.open()) {
            throw ApiError.conflict("vote", vote.status().equals("upcoming") ? "this vote has not opened yet"
                    : "this vote is closed");
        }
        return vote;
    }

    /** An area given for a voter (a code batch, a paper ballot): one of the vote's boundary set. */
    static void requireAreaOfVote(Handle h, BallotVote vote, Optional<Long> area, String field) {
        if (area.isEmpty()) {
            return;
        }
        boolean inSet = vote.areaSetId().isPresent() && h.createQuery(AREA_IN_SET).bind("area", area.get())
                .bind("set", vote.areaSetId().get()).mapTo(Boolean.class).one();
        if (!inSet) {
            throw ApiError.invalid(field, vote.areaSetId().isEmpty()
                    ? "this vote has only a city-wide pot: give null"
                    : "area " + area.get() + " is not in this vote's boundary set");
        }
    }

    private static Optional<Row> ownRow(Handle h, long voteId, long accountId) {
        return h.createQuery(OWN_BALLOT).bind("vote", voteId).bind("account", accountId)
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant()))
                .findOne();
    }

    /** Whether letters with codes went to the residents of this area (empty: with no home area in the set). */
    static boolean lettersWentTo(Handle h, long voteId, Optional<Long> area) {
        return h.createQuery(CODE_BATCH_FOR).bind("vote", voteId).bind("area", area.orElse(null))
                .mapTo(Boolean.class).one();
    }

    /**
     * The hash of the letter's code confirming a first account ballot: a code of this vote (400),
     * unused (409), from a batch for the voter's own home area (400), each naming {@code code}.
     */
    private static byte[] letterCode(Handle h, long voteId, Optional<Long> area, String typed, Runnable found) {
        byte[] hash = Codes.normalise(typed).map(Codes::hash).orElse(null);
        VotingCodes.Known known = hash == null ? null : VotingCodes.known(h, voteId, hash);
        if (known == null) {
            throw ApiError.invalid("code", "this is not a voting code of this vote (check it against the letter)");
        }
        found.run();
        if (known.used()) {
            throw ApiError.conflict("code", "this code has been used already");
        }
        if (!known.areaId().equals(area)) {
            throw ApiError.invalid("code", (known.areaId().isPresent()
                    ? "this letter's code is for another area than your account's home area"
                    : "this letter's code is for residents without a home area in this vote's areas, and your "
                            + "account has one") + "; use the code of the letter sent to your address");
        }
        return hash;
    }

    private static Optional<Long> homeArea(Handle h, BallotVote vote, long accountId) {
        if (vote.areaSetId().isEmpty()) {
            return Optional.empty();
        }
        return h.createQuery(HOME_AREA).bind("account", accountId).bind("set", vote.areaSetId().get())
                .map((rs, ctx) -> Optional.ofNullable(rs.getObject(1, Long.class))).one();
    }

    private static Map<Long, BallotCheck.Item> items(Handle h, long voteId, List<Choice> choices) {
        var ids = choices.stream().map(Choice::itemId).distinct().toList();
        var items = new HashMap<Long, BallotCheck.Item>();
        h.createQuery(ITEMS).bind("vote", voteId).bindArray("ids", Long.class, ids)
                .map((rs, ctx) -> new BallotCheck.Item(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .forEach(item -> items.put(item.id(), item));
        return items;
    }

    private static void writeChoices(Handle h, long ballotId, BallotVote vote, List<Choice> choices) {
        var stored = stored(vote, choices);
        h.createUpdate(ADD_CHOICES).bind("ballot", ballotId)
                .bindArray("items", Long.class, stored.stream().map(Choice::itemId).toList())
                .bindArray("points", Integer.class, stored.stream().map(Choice::pointsOrOne).toList())
                .execute();
    }

    /** The choices as stored: in item order, with their points (1 on knapsack and approval ballots). */
    private static List<Choice> stored(BallotVote vote, List<Choice> choices) {
        return choices.stream().sorted(java.util.Comparator.comparingLong(Choice::itemId))
                .map(c -> new Choice(c.itemId(), Optional.of(vote.type() == Type.CUMULATIVE ? c.pointsOrOne() : 1)))
                .toList();
    }

    private static List<Choice> choices(Handle h, long ballotId) {
        return h.createQuery(CHOICES).bind("ballot", ballotId)
                .map((rs, ctx) -> new Choice(rs.getLong(1), Optional.of(rs.getInt(2)))).list();
    }

    private static List<Long> ids(List<Pot> pots) {
        return pots.stream().map(Pot::id).toList();
    }
}
