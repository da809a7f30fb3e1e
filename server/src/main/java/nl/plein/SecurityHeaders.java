package nl.plein;

import io.javalin.http.Context;

/** Headers that keep browsers from sniffing, framing or loading what Plein did not mean to serve. */
final class SecurityHeaders {
    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        // Nothing inline and nothing from elsewhere: tiles and address search come through Plein itself.
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; "
                + "base-uri 'none'; form-action 'self'; object-src 'none'");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
