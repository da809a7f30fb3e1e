package nl.plein.budgets.ballots;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Single-use voting codes for letters. A batch is made for the residents of one area (or city-wide)
 * and handed out once, as CSV for a mail merge; only the SHA-256 of each code is kept, so the clear
 * codes exist only in that file. A code casts one ballot, in the pots of its batch's area: using it
 * takes its row with the condition that it is unused, so of two requests racing with one code the
 * second finds it used and nothing of it is written.
 */
public final class VotingCodes {
    static final int MAX_BATCH = 50_000;
    private static final String ADD_BATCH = Jdbis.sql(VotingCodes.class, "add-batch.sql");
    private static final String ADD_CODES = Jdbis.sql(VotingCodes.class, "add-codes.sql");
    private static final String BATCHES = Jdbis.sql(VotingCodes.class, "batches.sql");
    private static final String AREA = Jdbis.sql(VotingCodes.class, "area.sql");
    private static final String CODE = Jdbis.sql(VotingCodes.class, "code.sql");
    private static final String USE_CODE = Jdbis.sql(VotingCodes.class, "use-code.sql");
    private static final String LOCK_VOTE = Jdbis.sql(VotingCodes.class, "lock-vote-for-batch.sql");
    private static final String UNCODED_BALLOTS = Jdbis.sql(VotingCodes.class, "uncoded-ballots.sql");

    private final Jdbi jdbi;

    public VotingCodes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What a code tells about its letter: its batch's area, and whether it is used already. */
    record Known(Optional<Long> areaId, boolean used) {
    }

    /**
     * Makes a batch of {@code size} codes for the vote's voters from {@code area} (empty: city-wide
     * only) and returns the only copy of its codes, as CSV with a header row: code, area code, area
     * name, vote title and the voting URL ({@code voteUrl}). Refused (409 naming {@code areaId}) once
     * residents of that area have cast account ballots without a code: each could vote again with
     * their letter. The vote's row is locked for update first, so no such ballot lands meanwhile.
     */
    public String makeBatch(long voteId, Optional<Long> area, int size, long by, String voteUrl) {
        var codes = new ArrayList<String>(size);
        var hashes = new ArrayList<String>(size);
        var hex = HexFormat.of();
        while (codes.size() < size) {
            String code = Codes.code();
            codes.add(code);
            hashes.add(hex.formatHex(Codes.hash(Codes.normalise(code).orElseThrow())));
        }
        return jdbi.inTransaction(h -> {
            h.createQuery(LOCK_VOTE).bind("vote", voteId).mapTo(Long.class).findOne();
            BallotVote vote = BallotStore.vote(h, voteId);
            if (vote.imported() || vote.status().equals("closed")) {
                throw ApiError.conflict("vote", vote.imported() ? "an imported vote takes no ballots"
                        : "this vote is closed");
            }
            BallotStore.requireAreaOfVote(h, vote, area, "areaId");
            requireNoUncodedBallots(h, vote, area);
            long batch = h.createQuery(ADD_BATCH).bind("vote", voteId).bind("area", area.orElse(null))
                    .bind("size", size).bind("by", by).map((rs, ctx) -> rs.getLong(1)).one();
            h.createUpdate(ADD_CODES).bind("vote", voteId).bind("batch", batch)
                    .bindArray("hashes", String.class, hashes).execute();
            List<String> areaCells = area.map(a -> h.createQuery(AREA).bind("area", a)
                    .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2))).one()).orElse(List.of("", ""));
            var csv = new StringBuilder();
            row(csv, List.of("code", "area_code", "area_name", "vote", "url"));
            for (String code : codes) {
                row(csv, List.of(code, areaCells.get(0), areaCells.get(1), vote.title(), voteUrl));
            }
            return csv.toString();
        });
    }

    /** Refuses a batch whose letters would reach residents who voted online without a code already. */
    private static void requireNoUncodedBallots(Handle h, BallotVote vote, Optional<Long> area) {
        long cast = h.createQuery(UNCODED_BALLOTS).bind("vote", vote.id()).bind("area", area.orElse(null))
                .bind("set", vote.areaSetId().orElse(null)).mapTo(Long.class).one();
        if (cast > 0) {
            throw ApiError.conflict("areaId", cast + (cast == 1 ? " ballot was" : " ballots were")
                    + " cast online or on paper without a letter's code by residents"
                    + (area.isPresent() ? " of this area" : vote.areaSetId().isPresent()
                            ? " without a home area in this vote's areas" : "")
                    + ", who could vote again with a letter; letters must be made before residents of an area "
                    + "vote online or on paper");
        }
    }

    /** The vote's batches: area, size, how many codes are used; never the codes. */
    public List<Map<String, Object>> batches(long voteId) {
        return jdbi.inTransaction(h -> {
            BallotStore.vote(h, voteId);
            return h.createQuery(BATCHES).bind("vote", voteId).map((rs, ctx) -> {
                var batch = new LinkedHashMap<String, Object>();
                batch.put("id", rs.getLong("id"));
                batch.put("areaId", rs.getObject("area_id", Long.class));
                batch.put("areaCode", rs.getString("area_code"));
                batch.put("areaName", rs.getString("area_name"));
                batch.put("size", rs.getInt("size"));
                batch.put("used", rs.getLong("used"));
                batch.put("createdAt", rs.getTimestamp("created_at").toInstant());
                return (Map<String, Object>) batch;
            }).list();
        });
    }

    /**
     * Casts the ballot of a code's letter. {@code found} runs once the code is known to be one of
     * the vote's (used or not), for the throttle to give back its token.
     */
    public BallotStore.Cast cast(long voteId, String typed, List<Choice> choices, Runnable found) {
        Optional<String> normalised = Codes.normalise(typed);
        return jdbi.inTransaction(h -> {
            BallotVote vote = BallotStore.openVote(h, voteId);
            byte[] hash = normalised.map(Codes::hash).orElse(null);
            Known known = hash == null ? null : known(h, voteId, hash);
            if (known == null) {
                throw ApiError.invalid("code", "this is not a voting code of this vote (check it against the letter)");
            }
            found.run();
            if (known.used()) {
                throw ApiError.conflict("code", "this code has been used already");
            }
            BallotStore.check(h, vote, known.areaId(), choices);
            use(h, voteId, hash);
            return BallotStore.castAnonymous(h, vote, "code", known.areaId(), hash, choices).cast();
        });
    }

    /** The code of this vote with this hash, or null. */
    static Known known(Handle h, long voteId, byte[] hash) {
        return h.createQuery(CODE).bind("vote", voteId).bind("code", hash)
                .map((rs, ctx) -> new Known(Optional.ofNullable(rs.getObject(1, Long.class)), rs.getBoolean(2)))
                .findOne().orElse(null);
    }

    /** Uses the code up, or refuses with 409 naming {@code code} when another request used it first. */
    static void use(Handle h, long voteId, byte[] hash) {
        if (h.createQuery(USE_CODE).bind("vote", voteId).bind("code", hash).mapTo(Long.class).findOne().isEmpty()) {
            throw ApiError.conflict("code", "this code has been used already");
        }
    }

    /** One CSV row (RFC 4180, CRLF); a cell a spreadsheet would run as a formula is prefixed with '. */
    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i);
            if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
                value = "'" + value;
            }
            if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
                value = '"' + value.replace("\"", "\"\"") + '"';
            }
            out.append(i > 0 ? "," : "").append(value);
        }
        out.append("\r\n");
    }
}
