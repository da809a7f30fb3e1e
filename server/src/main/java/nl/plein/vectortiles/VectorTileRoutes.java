package nl.plein.vectortiles;

import io.javalin.http.Context;
import nl.plein.http.ApiError;
import nl.plein.http.Query;

/**
 * {@code GET /tiles/{layer}/{z}/{x}/{y}}: public proposals of a project ({@code ?project=}) or the
 * areas of a boundary set ({@code ?set=}) as Mapbox Vector Tiles, for maps with more features than
 * GeoJSON carries well. Each tile has a strong ETag: a project's follows the version of its
 * proposals (migration V7), a boundary set's never changes, as sets are never overwritten. An
 * empty tile is a 204 with the same cache headers, so clients neither fetch nor parse it again.
 */
public final class VectorTileRoutes {
    public static final String MEDIA_TYPE = "application/vnd.mapbox-vector-tile";
    /** Proposals change while a project runs: a minute's staleness, then a cheap revalidation. */
    static final String PROPOSALS_CACHE = "public, max-age=60";
    /** A boundary set is never changed after it is loaded. */
    static final String AREAS_CACHE = "public, max-age=604800";
    /** Goes up when the tiles' content or encoding changes, so that no cache keeps the old ones. */
    private static final String FORMAT = "1";

    private final VectorTileStore store;

    public VectorTileRoutes(VectorTileStore store) {
        this.store = store;
    }

    public void get(Context ctx) {
        String layer = ctx.pathParam("layer");
        switch (layer) {
            case "proposals" -> proposals(ctx);
            case "areas" -> areas(ctx);
            default -> throw ApiError.notFound("Tile layer '" + (layer.length() > 40 ? layer.substring(0, 40) + "…"
                    : layer) + "' (there are 'proposals' and 'areas')");
        }
    }

    private void proposals(Context ctx) {
        long projectId = required(Query.of(ctx, "project"), "project", "the id of the project whose proposals to show");
        var tile = tile(ctx);
        String ifNoneMatch = ctx.header("If-None-Match");
        var answer = store.proposals(projectId, tile, version -> matches(ifNoneMatch, proposalsEtag(projectId, version)))
                .orElseThrow(() -> ApiError.notFound("Project '" + projectId + "'"));
        respond(ctx, proposalsEtag(projectId, answer.version()), PROPOSALS_CACHE, answer.tile());
    }

    private static String proposalsEtag(long projectId, long version) {
        return "\"proposals-" + projectId + "-" + version + "-" + FORMAT + "\"";
    }

    private void areas(Context ctx) {
        long setId = required(Query.of(ctx, "set"), "set", "the id of the boundary set whose areas to show");
        var tile = tile(ctx);
        String etag = "\"areas-" + setId + "-" + FORMAT + "\"";
        var answer = store.areas(setId, tile, matches(ctx.header("If-None-Match"), etag))
                .orElseThrow(() -> ApiError.notFound("Boundary set '" + setId + "'"));
        respond(ctx, etag, AREAS_CACHE, answer.tile());
    }

    private static long required(Query query, String name, String what) {
        return query.id(name).orElseThrow(() -> ApiError.invalid(name, "required: " + what));
    }

    private static Tile tile(Context ctx) {
        return Tile.parse(ctx.pathParam("z"), ctx.pathParam("x"), ctx.pathParam("y"));
    }

    /** The tile with its cache headers: null when the client's copy is current (304), empty as a 204. */
    private static void respond(Context ctx, String etag, String cacheControl, byte[] tile) {
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", cacheControl);
        if (tile == null) {
            ctx.status(304);
            return;
        }
        if (tile.length == 0) {
            ctx.status(204);
            return;
        }
        ctx.contentType(MEDIA_TYPE);
        ctx.result(tile);
    }

    /** RFC 9110 13.1.2: If-None-Match compares weakly, and {@code *} matches any current tile. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
