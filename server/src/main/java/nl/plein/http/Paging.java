package nl.plein.http;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Keyset paging: an opaque cursor carries the last id of a page; the next page starts after it. */
public final class Paging {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private Paging() {
    }

    public static Optional<Long> cursor(Query query) {
        return query.text("cursor", 64).map(raw -> {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
                if (decoded.startsWith("id:")) {
                    long id = Long.parseLong(decoded.substring(3));
                    if (id > 0) {
                        return id;
                    }
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw ApiError.invalid("cursor", "is not a cursor this server gave out; take it from a 'next' link");
        });
    }

    public static String encode(long lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** The request's own URL with the cursor replaced: the href of the next page. */
    public static String nextHref(Context ctx, long lastId) {
        var url = new StringBuilder(ctx.fullUrl().split("\\?", 2)[0]).append('?');
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals("cursor")) {
                for (String value : values) {
                    url.append(enc(name)).append('=').append(enc(value)).append('&');
                }
            }
        });
        return url.append("cursor=").append(encode(lastId)).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
