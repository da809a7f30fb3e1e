package nl.plein.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import nl.plein.db.Availability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every error to one shape, RFC 9457 {@code application/problem+json}, in one place. Unknown
 * exceptions become a bare 500 whose cause stays in the server log, under an id the client sees.
 */
public final class Problems {
    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    public static final String TYPE_BASE = "https://plein.example/problems/";
    /** What a 503 for an unreachable database asks clients to wait: the embedded cluster is back in a few. */
    private static final int RETRY_AFTER_SECONDS = 5;

    private Problems() {
    }

    public static void register(RoutesConfig routes, long maxBodyBytes) {
        routes.exception(ApiError.class, (e, ctx) -> write(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 413) {
                write(ctx, ApiError.tooLarge(maxBodyBytes));
            } else {
                write(ctx, e.getStatus(), "http-" + e.getStatus(), reason(e.getStatus()), reason(e.getStatus()) + ".", List.of());
            }
        });
        routes.exception(Exception.class, (e, ctx) -> {
            if (Availability.isUnavailable(e)) {
                // An outage is logged once, where it is noticed (Availability); a pool that ran out of
                // connections without one is worth a warning for each request it turned away.
                if (Availability.isConnectionLoss(e)) {
                    log.debug("{} {} answered 503: the database is unavailable", ctx.method(), ctx.path());
                } else {
                    log.warn("{} {} answered 503: no database connection came free in time", ctx.method(), ctx.path());
                }
                ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
                write(ctx, 503, "unavailable", "Temporarily unavailable", "Plein cannot reach its database for a"
                        + " moment. Try again in a few seconds; a change sent just now may or may not have been saved.",
                        List.of());
                return;
            }
            String incident = Long.toString(System.nanoTime() & 0xffffffffL, 36);
            log.error("Unhandled error {} on {} {}", incident, ctx.method(), ctx.path(), e);
            write(ctx, 500, "internal", "Internal error",
                    "Something went wrong on our side (incident " + incident + "). Nothing was changed.", List.of());
        });
        routes.error(404, ctx -> {
            if (!ctx.res().isCommitted() && !isProblem(ctx)) {
                write(ctx, 404, "not-found", "Not found", "There is nothing at " + ctx.path() + ".", List.of());
            }
        });
        routes.error(405, ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, 405, "method-not-allowed", "Method not allowed",
                        ctx.method() + " is not allowed on " + ctx.path() + ".", List.of());
            }
        });
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/problem+json");
    }

    public static void write(Context ctx, ApiError e) {
        write(ctx, e.status(), e.type(), e.title(), e.getMessage(), e.errors());
    }

    private static void write(Context ctx, int status, String type, String title, String detail,
                              List<ApiError.FieldError> errors) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        if (!errors.isEmpty()) {
            var array = body.putArray("errors");
            for (var error : errors) {
                array.addObject().put("field", error.field()).put("pointer", error.pointer())
                        .put("detail", error.detail());
            }
        }
        ctx.status(status);
        GeoJson.send(ctx, "application/problem+json", body.toString());
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 408 -> "Request timeout";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported media type";
            default -> status >= 500 ? "Internal error" : "Request failed";
        };
    }
}
