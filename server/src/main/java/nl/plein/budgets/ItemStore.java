package nl.plein.budgets;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import nl.plein.accounts.Viewer;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.proposals.Visibility;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What is on a vote's ballot, and the public review behind it. Planners admit proposals as costed
 * items (several similar ones merged into one item), each admission recorded as an admitted review
 * with the item's reason; proposals not admitted get a review with a reason of their own. Items
 * change only before the vote opens. Every change locks the vote's row ({@link VoteStore#lock}), so
 * a proposal lands on at most one item of a vote however many planners admit it at once.
 */
public final class ItemStore {
    private static final String FEATURE = sql("item-feature.sql");
    private static final String ADMISSION = sql("admission.sql");
    private static final String POT_FOR_AREA = sql("pot-for-area.sql");
    private static final String POT_OF_VOTE = sql("pot-of-vote.sql");
    private static final String INSERT = sql("insert-item.sql");
    private static final String LINK = sql("link-proposals.sql");
    private static final String ADMIT = sql("admit.sql");
    private static final String UPDATE = sql("update-item.sql");
    private static final String REASON = sql("item-reason.sql");
    private static final String UNADMIT = sql("unadmit.sql");
    private static final String DELETE = sql("delete-item.sql");
    private static final String REVIEWS = sql("reviews.sql");
    private static final String REJECT = sql("reject.sql");
    private static final String COST_CHECK = sql("cost-check.sql");

    /** Proposals merged into one item: a handful in practice; the limit keeps a request small. */
    public static final int MAX_PROPOSALS = 50;

    private final Jdbi jdbi;

    public ItemStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static String sql(String name) {
        return Jdbis.sql(ItemStore.class, name);
    }

    /**
     * An item as a planner writes it. Adding: proposalIds, cost and reason are required, the rest
     * defaults (title and description: the first proposal's; pot: see {@link #defaultPot}). Changing:
     * what is null stays as it is, and proposalIds is not used.
     */
    public record Draft(List<Long> proposalIds, String title, String description, Long cost, String reason,
                        Long potId) {
    }

    private record Proposal(long id, String title, String description, Long itemId, Long areaId) {
    }

    /** The vote's items as GeoJSON Features, of pot {@code potId} only when given. */
    public List<String> features(long voteId, Long potId) {
        return jdbi.withHandle(h -> {
            VoteStore.facts(h, voteId, false).orElseThrow(() -> VoteStore.notFound(voteId));
            if (potId != null) {
                requirePot(h, voteId, potId, "potId");
            }
            return h.createQuery(FEATURE).bind("vote", voteId).bind("item", (Long) null).bind("pot", potId)
                    .mapTo(String.class).list();
        });
    }

    public String add(long voteId, Draft draft, long accountId) {
        return jdbi.inTransaction(h -> {
            VoteStore.Facts vote = VoteStore.lock(h, voteId);
            requireSetUp(vote);
            List<Proposal> proposals = admissible(h, vote, draft.proposalIds());
            long potId = draft.potId() != null ? requirePot(h, voteId, draft.potId(), "potId")
                    : defaultPot(h, vote, proposals);
            requireAffordable(h, voteId, null, potId, draft.cost());
            Proposal first = proposals.get(0);
            long itemId = h.createQuery(INSERT).bind("vote", voteId).bind("pot", potId)
                    .bind("title", draft.title() != null ? draft.title() : first.title())
                    .bind("description", draft.description() != null ? draft.description() : first.description())
                    .bind("cost", draft.cost()).bind("reason", draft.reason())
                    .bindArray("ids", Long.class, draft.proposalIds()).mapTo(Long.class).one();
            h.createUpdate(LINK).bind("item", itemId).bindArray("ids", Long.class, draft.proposalIds()).execute();
            h.createUpdate(ADMIT).bind("vote", voteId).bindArray("ids", Long.class, draft.proposalIds())
                    .bind("reason", draft.reason()).bind("account", accountId).execute();
            return feature(h, voteId, itemId);
        });
    }

    public String update(long voteId, long itemId, Draft draft, long accountId) {
        return jdbi.inTransaction(h -> {
            requireSetUp(VoteStore.lock(h, voteId));
            if (draft.potId() != null) {
                requirePot(h, voteId, draft.potId(), "potId");
            }
            if (draft.potId() != null || draft.cost() != null) {
                requireAffordable(h, voteId, itemId, draft.potId(), draft.cost());
            }
            h.createQuery(UPDATE).bind("vote", voteId).bind("item", itemId).bind("title", draft.title())
                    .bind("description", draft.description()).bind("cost", draft.cost())
                    .bind("reason", draft.reason()).bind("pot", draft.potId()).mapTo(Long.class).findOne()
                    .orElseThrow(() -> itemNotFound(itemId));
            if (draft.reason() != null) {
                h.createUpdate(REASON).bind("vote", voteId).bind("item", itemId).bind("reason", draft.reason())
                        .bind("account", accountId).execute();
            }
            return feature(h, voteId, itemId);
        });
    }

    /** Removes an item; its proposals are no longer admitted (their reviews go, to be made again). */
    public void delete(long voteId, long itemId) {
        jdbi.useTransaction(h -> {
            requireSetUp(VoteStore.lock(h, voteId));
            h.createUpdate(UNADMIT).bind("vote", voteId).bind("item", itemId).execute();
            h.createQuery(DELETE).bind("vote", voteId).bind("item", itemId).mapTo(Long.class).findOne()
                    .orElseThrow(() -> itemNotFound(itemId));
        });
    }

    /** The vote's reviews of proposals the viewer may see, as JSON objects. */
    public List<String> reviews(long voteId, Viewer viewer) {
        return jdbi.withHandle(h -> {
            VoteStore.facts(h, voteId, false).orElseThrow(() -> VoteStore.notFound(voteId));
            return reviews(h, voteId, null, viewer);
        });
    }

    /**
     * Records that a proposal is not admitted, with its public reason. A proposal on an item is
     * refused (409 naming proposalId): remove the item, or it from the item, first.
     */
    public String reject(long voteId, long proposalId, String reason, Viewer planner) {
        return jdbi.inTransaction(h -> {
            VoteStore.Facts vote = VoteStore.lock(h, voteId);
            if (vote.imported()) {
                throw ApiError.conflict("vote", "an imported vote is read-only");
            }
            Proposal proposal = query(h, vote, List.of(proposalId)).stream().findFirst()
                    .orElseThrow(() -> ApiError.notFound("Proposal " + proposalId + " of this vote's project"));
            if (proposal.itemId() != null) {
                throw ApiError.conflict("proposalId", "proposal " + proposalId + " is on item " + proposal.itemId()
                        + " of this vote; remove that item first");
            }
            h.createUpdate(REJECT).bind("vote", voteId).bind("proposal", proposalId).bind("reason", reason)
                    .bind("account", planner.requireAccount()).execute();
            return reviews(h, voteId, proposalId, planner).get(0);
        });
    }

    /** Refuses changes to the ballot of an imported vote or of one that has opened. */
    private static void requireSetUp(VoteStore.Facts vote) {
        if (vote.imported()) {
            throw ApiError.conflict("vote", "an imported vote is read-only");
        }
        if (vote.status() != VoteStatus.UPCOMING) {
            throw ApiError.conflict("vote", "the ballot changes only before the vote opens; it opened at "
                    + vote.opensAt());
        }
    }

    /**
     * The proposals, in the order given, each checked: a proposal of the vote's project that anyone
     * may see, not on an item of this vote yet. Each refusal names its index.
     */
    private static List<Proposal> admissible(Handle h, VoteStore.Facts vote, List<Long> ids) {
        var found = new HashMap<Long, Proposal>();
        query(h, vote, ids).forEach(p -> found.put(p.id(), p));
        for (int i = 0; i < ids.size(); i++) {
            Proposal p = found.get(ids.get(i));
            if (p == null) {
                throw ApiError.invalid("proposalIds[" + i + "]", "proposal " + ids.get(i)
                        + " is not a published proposal of this vote's project");
            }
            if (p.itemId() != null) {
                throw ApiError.conflict("proposalIds[" + i + "]", "proposal " + ids.get(i) + " is on item "
                        + p.itemId() + " of this vote already");
            }
        }
        return ids.stream().map(found::get).toList();
    }

    private static List<Proposal> query(Handle h, VoteStore.Facts vote, List<Long> ids) {
        return Visibility.apply(h.createQuery(ADMISSION), Viewer.ANONYMOUS).bind("project", vote.projectId())
                .bind("vote", vote.id()).bind("set", vote.areaSetId()).bindArray("ids", Long.class, ids)
                .map((rs, ctx) -> new Proposal(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                        (Long) rs.getObject("item_id"), (Long) rs.getObject("area_id"))).list();
    }

    /**
     * The pot an item goes to when the planner names none: the pot of the area (of the vote's
     * boundary set) its proposals lie in by the placing rule, when they all lie in one area that has
     * a pot; otherwise (no geometry, no area, several areas, no area pots) the city-wide pot.
     */
    private static long defaultPot(Handle h, VoteStore.Facts vote, List<Proposal> proposals) {
        var areas = new HashSet<Long>();
        proposals.forEach(p -> areas.add(p.areaId()));
        Optional<Long> pot = Optional.empty();
        if (vote.areaSetId() != null && areas.size() == 1 && !areas.contains(null)) {
            pot = potForArea(h, vote.id(), areas.iterator().next());
        }
        return pot.or(() -> potForArea(h, vote.id(), null)).orElseThrow(() -> ApiError.invalid("potId",
                "is required here: the proposals do not lie together in an area that has a pot, and this vote"
                        + " has no city-wide pot"));
    }

    private static Optional<Long> potForArea(Handle h, long voteId, Long areaId) {
        return h.createQuery(POT_FOR_AREA).bind("vote", voteId).bind("area", areaId).mapTo(Long.class).findOne();
    }

    /**
     * Refuses an item that costs more than its whole pot: no ballot or rule could ever fund it.
     * Named {@code cost}, or {@code potId} when only the pot changes; nothing to check when the item
     * is not one of the vote's (a 404 follows).
     */
    private static void requireAffordable(Handle h, long voteId, Long itemId, Long potId, Long cost) {
        record Pot(String name, long budget, long cost) {
        }
        h.createQuery(COST_CHECK).bind("vote", voteId).bind("item", itemId).bind("pot", potId).bind("cost", cost)
                .map((rs, ctx) -> new Pot(rs.getString("name"), rs.getLong("budget"), rs.getLong("cost"))).findOne()
                .filter(pot -> pot.cost() > pot.budget()).ifPresent(pot -> {
                    throw ApiError.invalid(potId != null && cost == null ? "potId" : "cost", "the item would cost "
                            + pot.cost() + ", more than the whole budget of pot '" + pot.name() + "' (" + pot.budget()
                            + "): it could never be funded");
                });
    }

    private static long requirePot(Handle h, long voteId, long potId, String field) {
        if (!h.createQuery(POT_OF_VOTE).bind("vote", voteId).bind("pot", potId).mapTo(Boolean.class).one()) {
            throw ApiError.invalid(field, "pot " + potId + " is not a pot of this vote");
        }
        return potId;
    }

    private static String feature(Handle h, long voteId, long itemId) {
        return h.createQuery(FEATURE).bind("vote", voteId).bind("item", itemId).bind("pot", (Long) null)
                .mapTo(String.class).one();
    }

    private static List<String> reviews(Handle h, long voteId, Long proposalId, Viewer viewer) {
        return Visibility.apply(h.createQuery(REVIEWS), viewer).bind("vote", voteId).bind("proposal", proposalId)
                .mapTo(String.class).list();
    }

    private static ApiError itemNotFound(long itemId) {
        return ApiError.notFound("Item " + itemId + " of this vote");
    }
}
