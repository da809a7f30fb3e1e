package nl.plein.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Request helpers every handler shares: the JSON body and path ids. */
public final class Requests {
    /** Bodies up to this size are read and dropped before a 413 (see {@link #drain}). */
    private static final long DRAIN_LIMIT = 1024 * 1024;

    private Requests() {
    }

    /** The body as JSON, after checking its declared type and size. */
    public static JsonNode jsonBody(Context ctx, long maxBytes) {
        String type = ctx.contentType();
        String base = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!base.equals("application/json") && !base.equals("application/geo+json")) {
            throw ApiError.unsupportedMediaType(type == null ? "no Content-Type" : "'" + base + "'");
        }
        long declared = ctx.contentLength();
        if (declared > maxBytes) {
            drain(ctx, declared);
            throw ApiError.tooLarge(maxBytes);
        }
        byte[] body;
        try {
            body = ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            throw ApiError.tooLarge(maxBytes);
        }
        return Json.parse(body);
    }

    /**
     * Reads and drops a body somewhat over the limit before it is refused: a client still sending it
     * then reads the 413 instead of a connection reset under its feet (which a busy server made
     * likelier). Bodies over {@link #DRAIN_LIMIT} are not read; their connection is closed.
     */
    private static void drain(Context ctx, long declared) {
        if (declared > DRAIN_LIMIT) {
            return;
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[8192];
            long read = 0;
            for (int n; read <= DRAIN_LIMIT && (n = in.read(buffer)) >= 0; ) {
                read += n;
            }
        } catch (IOException e) {
            // The client went away: there is nobody left to answer.
        }
    }

    /** A path parameter that must be a positive id; anything else is a 404, as no such thing exists. */
    public static long pathId(Context ctx, String name, String what) {
        String raw = ctx.pathParam(name);
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to not found
        }
        throw ApiError.notFound(what + " '" + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "'");
    }
}
