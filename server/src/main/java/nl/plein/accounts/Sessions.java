package nl.plein.accounts;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import org.jdbi.v3.core.Jdbi;

/**
 * Cookie sessions. The browser holds a random token in an HttpOnly, SameSite=Lax cookie; the
 * database holds only its SHA-256. State-changing requests of a signed-in browser must repeat the
 * session's CSRF token in the {@code X-CSRF-Token} header, and a cross-site {@code Origin} is refused.
 */
public final class Sessions {
    public static final String COOKIE = "plein_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VIEWER = Jdbis.sql(Sessions.class, "session-viewer.sql");
    private static final String START = Jdbis.sql(Sessions.class, "session-start.sql");
    private static final String END_EXPIRED = Jdbis.sql(Sessions.class, "end-expired-sessions.sql");
    private static final String END = Jdbis.sql(Sessions.class, "session-end.sql");

    private final Jdbi jdbi;
    private final Duration lifetime;
    private final boolean secureCookies;

    /** The one write whose options come as query parameters: see {@link #identify}. */
    private static final String QUERY_TAKING_WRITE = "/api/area-sets";

    public Sessions(Jdbi jdbi, Duration lifetime, boolean secureCookies) {
        this.jdbi = jdbi;
        this.lifetime = lifetime;
        this.secureCookies = secureCookies;
    }

    /** Runs before every API request: who is asking, and is a write really theirs? */
    public void identify(Context ctx) {
        boolean unsafe = !SAFE_METHODS.contains(ctx.method().name());
        if (unsafe) {
            requireSameOrigin(ctx);
            // No write takes query parameters: anything there is a mistake worth saying. The one
            // exception is a boundary upload, whose body is the GeoJSON file exactly as published,
            // so its options travel in the query (its handler checks them as strictly).
            ctx.queryParamMap().keySet().stream().filter(name -> !ctx.path().equals(QUERY_TAKING_WRITE)).findFirst()
                    .ifPresent(name -> { throw ApiError.unknownParameter(name, "none"); });
        }
        String token = ctx.cookie(COOKIE);
        if (token == null || token.isEmpty() || token.length() > 100) {
            return;
        }
        Optional<Viewer> viewer = jdbi.withHandle(h -> h.createQuery(VIEWER)
                .bind("tokenHash", sha256(token))
                .map((rs, row) -> Viewer.of(rs.getLong(1), Role.valueOf(rs.getString(2).toUpperCase()),
                        rs.getString(3), rs.getBoolean(4)))
                .findOne());
        if (viewer.isEmpty()) {
            return;
        }
        if (unsafe && !signingIn(ctx)) {
            String sent = ctx.header(CSRF_HEADER);
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    viewer.get().csrfToken().orElseThrow().getBytes(StandardCharsets.UTF_8))) {
                throw ApiError.forbidden("The " + CSRF_HEADER + " header is missing or does not match this "
                        + "session; read it from GET /api/session.");
            }
        }
        ctx.attribute(Access.VIEWER, viewer.get());
    }

    /**
     * Signing in or up again while a session exists needs no CSRF token: those requests do not act
     * for the session, and a cross-site form cannot send their JSON body (see requireSameOrigin).
     */
    private static boolean signingIn(Context ctx) {
        return ctx.method().name().equals("POST")
                && (ctx.path().equals("/api/session") || ctx.path().equals("/api/accounts"));
    }

    private static void requireSameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        String host = ctx.header("Host");
        String originHost = origin.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        if (host == null || !originHost.equalsIgnoreCase(host)) {
            throw ApiError.forbidden("Cross-site requests are not accepted (Origin " + origin + ").");
        }
    }

    /** Starts a session for the account, sets the cookie and returns the CSRF token. */
    public String start(Context ctx, long accountId) {
        String token = randomToken();
        String csrf = randomToken();
        jdbi.useTransaction(h -> {
            h.createUpdate(END_EXPIRED).bind("account", accountId).execute();
            h.createUpdate(START)
                    .bind("tokenHash", sha256(token))
                    .bind("account", accountId)
                    .bind("csrf", csrf)
                    .bind("expiresAt", Timestamp.from(Instant.now().plus(lifetime)))
                    .execute();
        });
        ctx.cookie(new Cookie(COOKIE, token, "/", (int) lifetime.toSeconds(), secureCookies, true, null,
                SameSite.LAX));
        return csrf;
    }

    /** The stored hash of this request's session token (for keeping this session when ending the others). */
    public byte[] currentTokenHash(Context ctx) {
        String token = ctx.cookie(COOKIE);
        return sha256(token == null ? "" : token);
    }

    public void end(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token != null) {
            jdbi.useHandle(h -> h.createUpdate(END).bind("tokenHash", sha256(token)).execute());
        }
        ctx.cookie(new Cookie(COOKIE, "", "/", 0, secureCookies, true, null, SameSite.LAX));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
