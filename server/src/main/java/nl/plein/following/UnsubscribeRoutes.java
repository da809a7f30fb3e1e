package nl.plein.following;

import io.javalin.http.Context;
import nl.plein.db.Jdbis;
import nl.plein.reports.Markup;
import org.jdbi.v3.core.Jdbi;

/**
 * One-click unsubscribe from the digest (RFC 8058), without signing in: the token in the e-mail's
 * link is the only key. GET shows a page that asks to confirm (mail scanners follow links, and must
 * not unsubscribe anyone); POST, from that page or from a mail program's own button, turns e-mail off.
 */
public final class UnsubscribeRoutes {
    private static final String KNOWN = Jdbis.sql(UnsubscribeRoutes.class, "token-known.sql");
    private static final String UNSUBSCRIBE = Jdbis.sql(UnsubscribeRoutes.class, "unsubscribe.sql");

    private final Jdbi jdbi;

    public UnsubscribeRoutes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static String token(Context ctx) {
        String token = ctx.pathParam("token");
        return token.matches("[0-9a-f]{64}") ? token : "";
    }

    public void confirm(Context ctx) {
        String token = token(ctx);
        boolean known = jdbi.withHandle(h -> h.createQuery(KNOWN).bind("token", token).mapTo(Boolean.class).one());
        if (!known) {
            page(ctx, 404, "Link niet bekend · Unknown link",
                    "<p lang=\"nl\">Deze link is niet (meer) geldig.</p><p lang=\"en\">This link is not valid.</p>");
            return;
        }
        page(ctx, 200, "Geen e-mail meer · No more e-mail", """
                <p lang="nl">Wilt u geen e-mail meer van Plein over wat u volgt?</p>
                <p lang="en">Do you want no more e-mail from Plein about what you follow?</p>
                <form method="post" action="/unsubscribe/%s">
                  <button type="submit">Afmelden · Unsubscribe</button>
                </form>""".formatted(Markup.escape(token)));
    }

    public void unsubscribe(Context ctx) {
        String token = token(ctx);
        boolean done = jdbi.withHandle(h -> h.createQuery(UNSUBSCRIBE).bind("token", token).mapTo(Long.class)
                .findOne().isPresent());
        if (!done) {
            page(ctx, 404, "Link niet bekend · Unknown link",
                    "<p lang=\"nl\">Deze link is niet (meer) geldig.</p><p lang=\"en\">This link is not valid.</p>");
            return;
        }
        page(ctx, 200, "Afgemeld · Unsubscribed", """
                <p lang="nl">U krijgt geen e-mail meer van Plein. U kunt het weer aanzetten op de pagina Volgen.</p>
                <p lang="en">You will get no more e-mail from Plein. You can turn it on again on the Following page.</p>
                <p><a href="/#/following">Volgen · Following</a></p>""");
    }

    private static void page(Context ctx, int status, String title, String body) {
        ctx.status(status).contentType("text/html; charset=utf-8").header("Cache-Control", "no-store")
                .result("""
                        <!doctype html>
                        <html lang="nl"><head><meta charset="utf-8">
                        <meta name="viewport" content="width=device-width, initial-scale=1">
                        <title>%s</title></head>
                        <body><main><h1>%s</h1>
                        %s
                        </main></body></html>
                        """.formatted(title, title, body));
    }
}
