package nl.plein.budgets.ballots;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.http.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Paper ballots, typed in by one member of staff and counted only once a different one confirms
 * them (the four-eyes rule; the schema refuses the same person too). Entering checks the ballot as
 * an online one is checked, so mistakes show at once; confirming checks it again against the vote
 * as it is then, uses up the letter's code if the ballot came with one, and makes the ballot, in one
 * transaction. Rejecting deletes a pending entry.
 */
public final class PaperBallots {
    private static final String ADD_PAPER = Jdbis.sql(PaperBallots.class, "add-paper.sql");
    private static final String PENDING = Jdbis.sql(PaperBallots.class, "pending-paper.sql");
    private static final String PAPER = Jdbis.sql(PaperBallots.class, "paper.sql");
    private static final String PAPER_VOTE = Jdbis.sql(PaperBallots.class, "paper-vote.sql");
    private static final String CONFIRM = Jdbis.sql(PaperBallots.class, "confirm-paper.sql");
    private static final String REJECT = Jdbis.sql(PaperBallots.class, "reject-paper.sql");

    private final Jdbi jdbi;

    public PaperBallots(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private record Paper(long id, long voteId, Optional<Long> areaId, byte[] codeHash, List<Choice> choices,
            long enteredBy, boolean confirmed) {
    }

    /**
     * Enters a paper ballot for a voter from {@code area} (empty: city-wide only), with the code of
     * its letter if it came with one (then the code's area must be the same); pending until confirmed.
     */
    public Map<String, Object> enter(long voteId, Optional<Long> area, Optional<String> code, List<Choice> choices,
            long by) {
        return jdbi.inTransaction(h -> {
            BallotVote vote = BallotStore.openVote(h, voteId);
            BallotStore.requireAreaOfVote(h, vote, area, "areaId");
            byte[] hash = code.map(c -> codeHash(h, voteId, c, area)).orElse(null);
            if (hash == null) {
                requireNoLetters(h, voteId, area, false);
            }
            BallotStore.check(h, vote, area, choices);
            long id = h.createQuery(ADD_PAPER).bind("vote", voteId).bind("area", area.orElse(null)).bind("code", hash)
                    .bind("choices", json(choices)).bind("by", by).map((rs, ctx) -> rs.getLong(1)).one();
            return pending(h, voteId).stream().filter(p -> p.get("id").equals(id)).findFirst().orElseThrow();
        });
    }

    /** A vote's pending paper ballots (staff only). */
    public List<Map<String, Object>> pending(long voteId) {
        return jdbi.inTransaction(h -> {
            BallotStore.vote(h, voteId);
            return pending(h, voteId);
        });
    }

    /** Confirms a pending paper ballot by a member of staff other than the one who entered it. */
    public Map<String, Object> confirm(long paperId, long by) {
        return jdbi.inTransaction(h -> {
            long voteId = voteOf(h, paperId);
            BallotVote vote = BallotStore.openVote(h, voteId);
            Paper paper = lock(h, paperId);
            if (paper.enteredBy() == by) {
                throw ApiError.conflict("confirmedBy", "a paper ballot is confirmed by someone other than who "
                        + "entered it");
            }
            BallotStore.check(h, vote, paper.areaId(), paper.choices());
            if (paper.codeHash() == null) {
                requireNoLetters(h, voteId, paper.areaId(), true);
            }
            if (paper.codeHash() != null) {
                VotingCodes.use(h, voteId, paper.codeHash());
            }
            var cast = BallotStore.castAnonymous(h, vote, "paper", paper.areaId(), paper.codeHash(), paper.choices());
            h.createUpdate(CONFIRM).bind("paper", paperId).bind("by", by).bind("ballot", cast.ballotId()).execute();
            var out = new LinkedHashMap<String, Object>();
            out.put("id", paperId);
            out.put("voteId", voteId);
            out.putAll(cast.cast().json());
            return (Map<String, Object>) out;
        });
    }

    /**
     * A paper ballot from an area whose residents got letters must give its letter's code, as an
     * account's first ballot must: otherwise the letter could vote a second time. 400 naming
     * {@code code} when entered; 409 when letters were made for the area after it was entered.
     */
    private static void requireNoLetters(Handle h, long voteId, Optional<Long> area, boolean entered) {
        if (!BallotStore.lettersWentTo(h, voteId, area)) {
            return;
        }
        String where = area.isPresent() ? "this area" : "residents city-wide";
        if (entered) {
            throw ApiError.conflict("code", "letters with voting codes went to " + where + " after this paper "
                    + "ballot was entered without one; reject it and enter it again with its letter's code");
        }
        throw ApiError.invalid("code", "is required: letters with voting codes went to " + where
                + "; give the code of the voter's letter, so that the letter cannot vote again");
    }

    /** Rejects (deletes) a pending paper ballot. */
    public void reject(long paperId) {
        jdbi.useTransaction(h -> {
            lock(h, paperId);
            h.createUpdate(REJECT).bind("paper", paperId).execute();
        });
    }

    private static long voteOf(Handle h, long paperId) {
        return h.createQuery(PAPER_VOTE).bind("paper", paperId).mapTo(Long.class).findOne()
                .orElseThrow(() -> ApiError.notFound("Paper ballot " + paperId));
    }

    /** The paper ballot, row-locked; 404 when there is none, 409 when it is confirmed already. */
    private static Paper lock(Handle h, long paperId) {
        Paper paper = h.createQuery(PAPER).bind("paper", paperId)
                .map((rs, ctx) -> new Paper(rs.getLong(1), rs.getLong(2), Optional.ofNullable(rs.getObject(3, Long.class)),
                        rs.getBytes(4), read(rs.getString(5)), rs.getLong(6), rs.getBoolean(7)))
                .findOne().orElseThrow(() -> ApiError.notFound("Paper ballot " + paperId));
        if (paper.confirmed()) {
            throw ApiError.conflict("paperBallot", "this paper ballot is confirmed already: it is a counted ballot");
        }
        return paper;
    }

    /** The hash of a letter's code given with a paper ballot: a code of this vote, unused, of the same area. */
    private static byte[] codeHash(Handle h, long voteId, String typed, Optional<Long> area) {
        byte[] hash = Codes.normalise(typed).map(Codes::hash).orElse(null);
        VotingCodes.Known known = hash == null ? null : VotingCodes.known(h, voteId, hash);
        if (known == null) {
            throw ApiError.invalid("code", "this is not a voting code of this vote");
        }
        if (known.used()) {
            throw ApiError.conflict("code", "this code has been used already");
        }
        if (!known.areaId().equals(area)) {
            throw ApiError.invalid("areaId", "the letter's code is for " + known.areaId().map(a -> "area " + a)
                    .orElse("the city-wide pot only") + "; give that area");
        }
        return hash;
    }

    private static List<Map<String, Object>> pending(Handle h, long voteId) {
        return h.createQuery(PENDING).bind("vote", voteId).map((rs, ctx) -> {
            var paper = new LinkedHashMap<String, Object>();
            paper.put("id", rs.getLong("id"));
            paper.put("areaId", rs.getObject("area_id", Long.class));
            paper.put("areaName", rs.getString("area_name"));
            paper.put("hasCode", rs.getBoolean("has_code"));
            var choices = new ArrayList<Map<String, Object>>();
            read(rs.getString("choices")).forEach(c -> choices.add(Map.of("itemId", c.itemId(), "points",
                    c.pointsOrOne())));
            paper.put("choices", choices);
            paper.put("enteredBy", rs.getLong("entered_by"));
            paper.put("enteredByName", rs.getString("entered_by_name"));
            paper.put("enteredAt", rs.getTimestamp("entered_at").toInstant());
            return (Map<String, Object>) paper;
        }).list();
    }

    private static String json(List<Choice> choices) {
        var list = new ArrayList<Map<String, Object>>();
        for (Choice c : choices) {
            var one = new LinkedHashMap<String, Object>();
            one.put("itemId", c.itemId());
            c.points().ifPresent(p -> one.put("points", p));
            list.add(one);
        }
        try {
            return Json.MAPPER.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Choice> read(String json) {
        try {
            var choices = new ArrayList<Choice>();
            for (JsonNode c : Json.MAPPER.readTree(json)) {
                choices.add(new Choice(c.get("itemId").asLong(),
                        c.has("points") ? Optional.of(c.get("points").asInt()) : Optional.empty()));
            }
            return choices;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
