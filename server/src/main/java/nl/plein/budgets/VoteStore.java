package nl.plein.budgets;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nl.plein.budgets.rules.Rule;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.http.Choices;
import nl.plein.projects.Language;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Votes and their pots in PostgreSQL, which writes their JSON. Every change locks the vote's row
 * first ({@link #lock}), so a change to its set-up, pots or items waits for the one before it.
 */
public final class VoteStore {
    private static final String VOTE = sql("vote.sql");
    private static final String FACTS = sql("facts.sql");
    private static final String LANGUAGE = sql("project-language.sql");
    private static final String CREATE = sql("create.sql");
    private static final String UPDATE = sql("update.sql");
    private static final String TEXTS = sql("texts.sql");

    /** How far in the past an opening time may lie: "open it now" from a clock a little behind. */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(1);

    private final Jdbi jdbi;

    public VoteStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static String sql(String name) {
        return Jdbis.sql(VoteStore.class, name);
    }

    /** A vote's set-up and status, as the checks before a change (here and in other packages) read it. */
    public record Facts(long id, long projectId, Long areaSetId, String source, VoteStatus status,
                        VoteSettings settings, Instant opensAt, Instant closesAt) {
        /** An imported Pabulib instance: read-only, replayed but never open to ballots. */
        public boolean imported() {
            return source.equals("pabulib");
        }
    }

    /** A vote's id, its JSON as PostgreSQL wrote it without {@code ballotCount}, and its number of ballots. */
    public record Shown(long id, String json, long ballots) {
    }

    /** Vote {@code id}'s facts on the caller's handle; with {@code lock}, its row stays locked until commit. */
    public static Optional<Facts> facts(Handle h, long id, boolean lock) {
        return h.createQuery(FACTS).define("status", VoteStatus.SQL).define("lock", lock ? "FOR UPDATE OF v" : "")
                .bind("id", id).map((rs, ctx) -> new Facts(rs.getLong("id"), rs.getLong("project_id"),
                        (Long) rs.getObject("area_set_id"), rs.getString("source"),
                        Choices.parse("status", rs.getString("status"), VoteStatus.class),
                        new VoteSettings(Choices.parse("ballotType", rs.getString("ballot_type"), BallotType.class),
                                rs.getInt("min_items"), (Integer) rs.getObject("max_items"),
                                (Integer) rs.getObject("points"), (Integer) rs.getObject("max_points_per_item"),
                                Choices.parse("rule", rs.getString("rule"), Rule.class)),
                        rs.getObject("opens_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("closes_at", OffsetDateTime.class).toInstant())).findOne();
    }

    /** Locks vote {@code id}'s row for the caller's transaction and returns its facts; a missing vote is a 404. */
    public static Facts lock(Handle h, long id) {
        return facts(h, id, true).orElseThrow(() -> notFound(id));
    }

    public Facts facts(long id) {
        return jdbi.withHandle(h -> facts(h, id, false)).orElseThrow(() -> notFound(id));
    }

    public Optional<Shown> vote(long id) {
        return jdbi.withHandle(h -> shown(h, id, null).stream().findFirst());
    }

    /** The project's votes, oldest first; a missing project is a 404. */
    public List<Shown> list(long projectId) {
        return jdbi.withHandle(h -> {
            language(h, projectId);
            return shown(h, null, projectId);
        });
    }

    public Shown create(long projectId, VoteInput.Draft draft, long accountId) {
        return jdbi.inTransaction(h -> {
            Language language = language(h, projectId);
            var settings = new VoteSettings(draft.ballotType(), draft.minItems() == null ? 0 : draft.minItems(),
                    draft.maxItems(), draft.points(), draft.maxPointsPerItem(), draft.rule());
            settings.check();
            checkTimes(draft, draft.opensAt(), draft.closesAt());
            PotPlan plan = draft.pots();
            var areas = Pots.areaBudgets(h, plan);
            long id = bindRow(h.createQuery(CREATE), draft.title(), draft.description() == null ? ""
                    : draft.description(), settings, plan.areaSetId(), draft.opensAt(), draft.closesAt())
                    .bind("project", projectId).bind("account", accountId).mapTo(Long.class).one();
            Pots.write(h, id, plan.cityBudget(), areas, language);
            return shown(h, id, null).get(0);
        });
    }

    /**
     * Changes what the draft gives: title and description always; the closing time until the vote
     * closes; the opening time, ballot, rule and pots only before it opens. Anything else is a 409
     * naming the field, and nothing changes.
     */
    public Shown update(long id, VoteInput.Draft draft) {
        return jdbi.inTransaction(h -> {
            Facts facts = lock(h, id);
            refuseLateChanges(facts, draft);
            VoteSettings settings = draft.settings(facts.settings());
            settings.check();
            Instant opensAt = draft.opensAt() != null ? draft.opensAt() : facts.opensAt();
            Instant closesAt = draft.closesAt() != null ? draft.closesAt() : facts.closesAt();
            checkTimes(draft, opensAt, closesAt);
            Long areaSetId = facts.areaSetId();
            if (draft.pots() != null) {
                var areas = Pots.areaBudgets(h, draft.pots());
                Pots.write(h, id, draft.pots().cityBudget(), areas, language(h, facts.projectId()));
                areaSetId = draft.pots().areaSetId();
            }
            var texts = h.createQuery(TEXTS).bind("id", id).map((rs, ctx) -> new String[] {rs.getString(1),
                    rs.getString(2)}).one();
            bindRow(h.createUpdate(UPDATE), draft.title() != null ? draft.title() : texts[0],
                    draft.description() != null ? draft.description() : texts[1], settings, areaSetId, opensAt,
                    closesAt).bind("id", id).execute();
            return shown(h, id, null).get(0);
        });
    }

    private static void refuseLateChanges(Facts facts, VoteInput.Draft draft) {
        boolean upcoming = facts.status() == VoteStatus.UPCOMING;
        boolean ended = facts.status() == VoteStatus.CLOSED || facts.status() == VoteStatus.COUNTED;
        String since = facts.imported() ? "it is an imported vote, read-only"
                : ended ? "the vote closed at " + facts.closesAt() : "the vote opened at " + facts.opensAt();
        for (String field : VoteInput.SETTINGS) {
            if (draft.gives(field) && !upcoming) {
                throw ApiError.conflict(field, "the ballot and the rule change only before the vote opens; " + since);
            }
        }
        for (String field : VoteInput.POTS) {
            if (draft.gives(field) && !upcoming) {
                throw ApiError.conflict(field, "the pots change only before the vote opens; " + since);
            }
        }
        if (draft.gives("opensAt") && !upcoming) {
            throw ApiError.conflict("opensAt", "the opening time changes only before the vote opens; " + since);
        }
        if (draft.gives("closesAt") && (ended || facts.imported())) {
            throw ApiError.conflict("closesAt", "the closing time changes only until the vote closes; " + since);
        }
    }

    /** An opening time given is not in the past, a closing time given is in the future, and closing follows opening. */
    private static void checkTimes(VoteInput.Draft draft, Instant opensAt, Instant closesAt) {
        Instant now = Instant.now();
        if (draft.gives("opensAt") && opensAt.isBefore(now.minus(CLOCK_SLACK))) {
            throw ApiError.invalid("opensAt", "must not lie in the past (" + opensAt + ")");
        }
        if (draft.gives("closesAt") && !closesAt.isAfter(now)) {
            throw ApiError.invalid("closesAt", "must lie in the future (" + closesAt + ")");
        }
        if (!closesAt.isAfter(opensAt)) {
            throw ApiError.invalid(draft.gives("closesAt") ? "closesAt" : "opensAt",
                    "the vote must close after it opens (opens " + opensAt + ", closes " + closesAt + ")");
        }
    }

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindRow(S statement, String title,
            String description, VoteSettings s, Long areaSetId, Instant opensAt, Instant closesAt) {
        return statement.bind("title", title).bind("description", description)
                .bind("ballotType", Choices.wire(s.ballotType())).bind("minItems", s.minItems())
                .bind("maxItems", s.maxItems()).bind("points", s.points())
                .bind("maxPointsPerItem", s.maxPointsPerItem()).bind("rule", s.rule().wireName())
                .bind("areaSetId", areaSetId).bind("opensAt", opensAt.atOffset(java.time.ZoneOffset.UTC))
                .bind("closesAt", closesAt.atOffset(java.time.ZoneOffset.UTC));
    }

    private static List<Shown> shown(Handle h, Long id, Long projectId) {
        return h.createQuery(VOTE).define("status", VoteStatus.SQL).bind("id", id).bind("project", projectId)
                .map((rs, ctx) -> new Shown(rs.getLong(3), rs.getString(1), rs.getLong(2))).list();
    }

    private static Language language(Handle h, long projectId) {
        return h.createQuery(LANGUAGE).bind("project", projectId).mapTo(String.class).findOne()
                .map(l -> Choices.parse("language", l, Language.class))
                .orElseThrow(() -> ApiError.notFound("Project " + projectId));
    }

    static ApiError notFound(long id) {
        return ApiError.notFound("Vote " + id);
    }
}
