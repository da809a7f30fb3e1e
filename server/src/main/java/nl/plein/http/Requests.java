package nl.plein.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Locale;

/** Request helpers every handler shares: the JSON body and path ids. */
public final class Requests {
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
