package nl.plein.budgets;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.List;
import nl.plein.accounts.Access;
import nl.plein.config.Config;
import nl.plein.http.ApiError;
import nl.plein.http.Fields;
import nl.plein.http.GeoJson;
import nl.plein.http.Query;
import nl.plein.http.Requests;

/**
 * A vote's ballot items and the public review of proposals: anyone reads them; planners admit
 * proposals as items, change and remove items before the vote opens, and record why a proposal is
 * not admitted.
 */
public final class ItemRoutes {
    private static final String[] ITEM_FIELDS = {"proposalIds", "title", "description", "cost", "reason", "potId"};
    private static final String[] CHANGE_FIELDS = {"title", "description", "cost", "reason", "potId"};

    private final ItemStore store;
    private final Config config;

    public ItemRoutes(ItemStore store, Config config) {
        this.store = store;
        this.config = config;
    }

    public void list(Context ctx) {
        var query = Query.of(ctx, "potId");
        long voteId = Requests.pathId(ctx, "id", "Vote");
        GeoJson.collection(ctx, store.features(voteId, query.id("potId").orElse(null)), null);
    }

    public void add(Context ctx) {
        long voteId = Requests.pathId(ctx, "id", "Vote");
        Fields body = Fields.of(body(ctx), ITEM_FIELDS);
        List<Long> ids = body.optionalIdList("proposalIds", ItemStore.MAX_PROPOSALS)
                .orElseThrow(() -> ApiError.invalid("proposalIds", "is required"));
        if (ids.isEmpty()) {
            throw ApiError.invalid("proposalIds", "must name at least one proposal");
        }
        long cost = VoteInput.amount(body, "cost", false);
        if (cost == 0) {
            throw ApiError.invalid("cost", "is required");
        }
        var draft = new ItemStore.Draft(ids, body.optionalText("title", config.maxTitleLength()).orElse(null),
                body.optionalTextOrEmpty("description", config.maxTextLength()).orElse(null), cost,
                body.text("reason", config.maxTextLength()), body.optionalId("potId").orElse(null));
        String feature = store.add(voteId, draft, Access.viewer(ctx).requireAccount());
        ctx.status(201);
        GeoJson.feature(ctx, feature);
    }

    public void update(Context ctx) {
        long voteId = Requests.pathId(ctx, "id", "Vote");
        long itemId = Requests.pathId(ctx, "itemId", "Item");
        JsonNode node = body(ctx);
        Fields body = Fields.of(node, CHANGE_FIELDS);
        for (String name : CHANGE_FIELDS) {
            if (node.has(name) && node.get(name).isNull()) {
                throw ApiError.invalid(name, "must not be null");
            }
        }
        Long cost = body.has("cost") ? VoteInput.amount(body, "cost", false) : null;
        var draft = new ItemStore.Draft(List.of(), body.optionalText("title", config.maxTitleLength()).orElse(null),
                body.optionalTextOrEmpty("description", config.maxTextLength()).orElse(null), cost,
                body.optionalText("reason", config.maxTextLength()).orElse(null),
                body.optionalId("potId").orElse(null));
        GeoJson.feature(ctx, store.update(voteId, itemId, draft, Access.viewer(ctx).requireAccount()));
    }

    public void delete(Context ctx) {
        long voteId = Requests.pathId(ctx, "id", "Vote");
        store.delete(voteId, Requests.pathId(ctx, "itemId", "Item"));
        ctx.status(204);
    }

    public void reviews(Context ctx) {
        Query.of(ctx);
        long voteId = Requests.pathId(ctx, "id", "Vote");
        json(ctx, "{\"reviews\":[" + String.join(",", store.reviews(voteId, Access.viewer(ctx))) + "]}");
    }

    public void review(Context ctx) {
        long voteId = Requests.pathId(ctx, "id", "Vote");
        long proposalId = Requests.pathId(ctx, "proposalId", "Proposal");
        Fields body = Fields.of(body(ctx), "admitted", "reason");
        boolean admitted = body.optionalBoolean("admitted")
                .orElseThrow(() -> ApiError.invalid("admitted", "is required"));
        if (admitted) {
            throw ApiError.invalid("admitted", "must be false here: a proposal is admitted by putting it on an item"
                    + " (POST /api/votes/" + voteId + "/items)");
        }
        String reason = body.text("reason", config.maxTextLength());
        json(ctx, store.reject(voteId, proposalId, reason, Access.viewer(ctx)));
    }

    private JsonNode body(Context ctx) {
        return Requests.jsonBody(ctx, config.maxBodyBytes());
    }

    private static void json(Context ctx, String text) {
        GeoJson.send(ctx, "application/json", text);
    }
}
