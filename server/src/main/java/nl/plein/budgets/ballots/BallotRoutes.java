package nl.plein.budgets.ballots;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.plein.accounts.Access;
import nl.plein.config.Config;
import nl.plein.http.ApiError;
import nl.plein.http.Fields;
import nl.plein.http.Query;
import nl.plein.http.Requests;

/**
 * Casting ballots: a resident's own ballot (read, cast, change until closing), a ballot with a
 * letter's code, code batches, and paper ballots under the four-eyes rule. Every answer about a
 * ballot goes only to whoever cast it; staff see counts and pending paper entries, never whom a
 * person voted for.
 */
public final class BallotRoutes {
    private static final int MAX_CODE_LENGTH = 64;

    private final BallotStore ballots;
    private final VotingCodes codes;
    private final PaperBallots papers;
    private final Config config;
    private final CodeThrottle throttle = new CodeThrottle();

    public BallotRoutes(BallotStore ballots, VotingCodes codes, PaperBallots papers, Config config) {
        this.ballots = ballots;
        this.codes = codes;
        this.papers = papers;
        this.config = config;
    }

    /** GET /api/votes/{id}/ballot: the viewer's own ballot, or 204 when they have cast none yet. */
    public void own(Context ctx) {
        Query.of(ctx);
        long vote = Requests.pathId(ctx, "id", "Vote");
        ballots.own(vote, Access.viewer(ctx).requireAccount())
                .ifPresentOrElse(own -> privateJson(ctx, own.json()), () -> ctx.status(204));
    }

    /** GET /api/votes/{id}/ballot/pots: the pots the viewer may vote in, with or without a ballot. */
    public void ownPots(Context ctx) {
        Query.of(ctx);
        long vote = Requests.pathId(ctx, "id", "Vote");
        privateJson(ctx, ballots.pots(vote, Access.viewer(ctx).requireAccount()));
    }

    /**
     * PUT /api/votes/{id}/ballot: casts or replaces the viewer's ballot; a first ballot from an area
     * that got letters gives the letter's code, whose wrong tries count as the code ballots' do.
     */
    public void put(Context ctx) {
        long vote = Requests.pathId(ctx, "id", "Vote");
        var body = Fields.of(body(ctx), "choices", "code");
        Optional<String> code = body.optionalText("code", MAX_CODE_LENGTH);
        var choices = Choice.read(body);
        long account = Access.viewer(ctx).requireAccount();
        String network = code.isPresent() ? throttle.attempt(ctx) : null;
        var cast = ballots.put(vote, account, choices, code, () -> {
            if (network != null) {
                throttle.giveBack(network);
            }
        });
        privateJson(ctx, cast.json());
    }

    /** POST /api/votes/{id}/code-ballots: a ballot with a letter's code, once per code. */
    public void codeBallot(Context ctx) {
        long vote = Requests.pathId(ctx, "id", "Vote");
        var body = Fields.of(body(ctx), "code", "choices");
        String code = body.text("code", MAX_CODE_LENGTH);
        var choices = Choice.read(body);
        String network = throttle.attempt(ctx);
        var cast = codes.cast(vote, code, choices, () -> throttle.giveBack(network));
        ctx.status(201);
        privateJson(ctx, cast.json());
    }

    /** POST /api/votes/{id}/code-batches: makes codes and answers their only copy, as CSV. */
    public void makeBatch(Context ctx) {
        long vote = Requests.pathId(ctx, "id", "Vote");
        var body = Fields.of(body(ctx), "areaId", "size");
        Optional<Long> area = requiredNullableId(body, "areaId");
        int size = body.optionalInteger("size", 1, VotingCodes.MAX_BATCH)
                .orElseThrow(() -> ApiError.invalid("size", "is required"));
        String url = config.publicUrl().orElseGet(() -> ctx.scheme() + "://" + ctx.host()) + "/#/votes/" + vote;
        String csv = codes.makeBatch(vote, area, size, Access.viewer(ctx).requireAccount(), url);
        ctx.status(201);
        ctx.header("Content-Disposition", "attachment; filename=\"vote-" + vote + "-codes.csv\"");
        ctx.contentType("text/csv; charset=utf-8; header=present").result(csv);
    }

    /** GET /api/votes/{id}/code-batches: each batch's area, size and used count. */
    public void batches(Context ctx) {
        Query.of(ctx);
        long vote = Requests.pathId(ctx, "id", "Vote");
        privateJson(ctx, Map.of("batches", codes.batches(vote)));
    }

    /** POST /api/votes/{id}/paper-ballots: enters a paper ballot, pending a second person. */
    public void enterPaper(Context ctx) {
        long vote = Requests.pathId(ctx, "id", "Vote");
        var body = Fields.of(body(ctx), "areaId", "code", "choices");
        Optional<Long> area = requiredNullableId(body, "areaId");
        Optional<String> code = body.optionalText("code", MAX_CODE_LENGTH);
        List<Choice> choices = Choice.read(body);
        var entered = papers.enter(vote, area, code, choices, Access.viewer(ctx).requireAccount());
        ctx.status(201);
        privateJson(ctx, entered);
    }

    /** GET /api/votes/{id}/paper-ballots: the pending paper ballots. */
    public void pendingPapers(Context ctx) {
        Query.of(ctx);
        long vote = Requests.pathId(ctx, "id", "Vote");
        privateJson(ctx, Map.of("paperBallots", papers.pending(vote)));
    }

    /** POST /api/paper-ballots/{id}/confirm: a second member of staff makes it a counted ballot. */
    public void confirmPaper(Context ctx) {
        long paper = Requests.pathId(ctx, "id", "Paper ballot");
        var confirmed = papers.confirm(paper, Access.viewer(ctx).requireAccount());
        ctx.status(201);
        privateJson(ctx, confirmed);
    }

    /** DELETE /api/paper-ballots/{id}: rejects a pending paper ballot. */
    public void rejectPaper(Context ctx) {
        papers.reject(Requests.pathId(ctx, "id", "Paper ballot"));
        ctx.status(204);
    }

    private JsonNode body(Context ctx) {
        return Requests.jsonBody(ctx, config.maxBodyBytes());
    }

    /** A member that must be given, as an id or null (null: no area, the city-wide pot only). */
    private static Optional<Long> requiredNullableId(Fields body, String name) {
        if (!body.has(name)) {
            throw ApiError.invalid(body.path(name), "is required (an area id, or null for the city-wide pot only)");
        }
        return body.optionalId(name);
    }

    /** JSON about ballots; like every /api answer, never stored by a cache (SecurityHeaders). */
    private static void privateJson(Context ctx, Object json) {
        ctx.json(json);
    }
}
