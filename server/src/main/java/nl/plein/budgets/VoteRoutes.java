package nl.plein.budgets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import nl.plein.accounts.Access;
import nl.plein.analysis.Counts;
import nl.plein.analysis.SmallCounts;
import nl.plein.config.Config;
import nl.plein.http.GeoJson;
import nl.plein.http.Json;
import nl.plein.http.Query;
import nl.plein.http.Requests;

/**
 * Budget votes of a project: planners set them up (money in pots, times, ballot and rule); anyone
 * reads them. The number of ballots is a count of people, shown raw to planners and under the
 * small-count rule to everyone else.
 */
public final class VoteRoutes {
    private final VoteStore store;
    private final SmallCounts smallCounts;
    private final Config config;

    public VoteRoutes(VoteStore store, SmallCounts smallCounts, Config config) {
        this.store = store;
        this.smallCounts = smallCounts;
        this.config = config;
    }

    public void list(Context ctx) {
        Query.of(ctx);
        long projectId = Requests.pathId(ctx, "id", "Project");
        Counts counts = counts(ctx);
        var out = Json.MAPPER.createObjectNode();
        var votes = out.putArray("votes");
        for (VoteStore.Shown vote : store.list(projectId)) {
            votes.add(node(vote, counts));
        }
        json(ctx, Json.write(out));
    }

    public void get(Context ctx) {
        Query.of(ctx);
        long id = Requests.pathId(ctx, "id", "Vote");
        json(ctx, Json.write(node(store.vote(id).orElseThrow(() -> VoteStore.notFound(id)), counts(ctx))));
    }

    public void create(Context ctx) {
        long projectId = Requests.pathId(ctx, "id", "Project");
        var draft = VoteInput.read(Requests.jsonBody(ctx, config.maxBodyBytes()), true, config.maxTitleLength(),
                config.maxTextLength());
        VoteStore.Shown vote = store.create(projectId, draft, Access.viewer(ctx).requireAccount());
        ctx.status(201);
        json(ctx, Json.write(node(vote, counts(ctx))));
    }

    public void update(Context ctx) {
        long id = Requests.pathId(ctx, "id", "Vote");
        var draft = VoteInput.read(Requests.jsonBody(ctx, config.maxBodyBytes()), false, config.maxTitleLength(),
                config.maxTextLength());
        json(ctx, Json.write(node(store.update(id, draft), counts(ctx))));
    }

    private Counts counts(Context ctx) {
        return new Counts(Access.viewer(ctx).role().plans(), smallCounts);
    }

    private static ObjectNode node(VoteStore.Shown vote, Counts counts) {
        try {
            var node = (ObjectNode) Json.MAPPER.readTree(vote.json());
            counts.put(node, "ballotCount", vote.ballots());
            return node;
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL wrote a vote that is not JSON", e);
        }
    }

    private static void json(Context ctx, String text) {
        GeoJson.send(ctx, "application/json", text);
    }
}
