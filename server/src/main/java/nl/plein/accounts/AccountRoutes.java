package nl.plein.accounts;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.plein.config.Config;
import nl.plein.http.ApiError;
import nl.plein.http.Fields;
import nl.plein.http.Query;
import nl.plein.http.Requests;

/** Sign-up, sign-in, one's own account, and the admin's view of all accounts. */
public final class AccountRoutes {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    /**
     * The whole answer to a sign-up, the same whether or not the address had an account: whoever
     * signs up then signs in, which fails alike for an unknown address and a wrong password.
     */
    private static final Map<String, Object> SIGN_UP_ACCEPTED = signUpAccepted();

    private final AccountStore store;
    private final Sessions sessions;
    private final OwnerNotices notices;
    private final long maxBody;
    private final LoginThrottle signIns;
    private final SignUpThrottle signUps;

    public AccountRoutes(AccountStore store, Sessions sessions, OwnerNotices notices, Config config) {
        this.store = store;
        this.sessions = sessions;
        this.notices = notices;
        this.maxBody = config.maxBodyBytes();
        this.signIns = new LoginThrottle(config.signInFailuresPerSource());
        this.signUps = new SignUpThrottle(config.signUpsPerSource());
    }

    /**
     * Makes a resident's account, or, when the address has one, changes nothing and tells its owner.
     * Either way the password is hashed and the answer is the same 202, so sign-up does not tell
     * who has an account; and it starts no session (signing in does).
     */
    public void signUp(Context ctx) {
        var body = Fields.of(Requests.jsonBody(ctx, maxBody), "email", "password", "displayName", "homeAreaId");
        String email = email(body);
        String password = password(body, "password");
        String name = body.text("displayName", 80);
        Optional<Long> homeArea = body.optionalId("homeAreaId");
        signUps.take(ctx, email);
        var outcome = store.signUp(email, Passwords.hash(password), name, homeArea);
        if (!outcome.created()) {
            notices.signUpWithExistingAddress(outcome.accountId());
        }
        ctx.status(202).json(SIGN_UP_ACCEPTED);
    }

    public void signIn(Context ctx) {
        var body = Fields.of(Requests.jsonBody(ctx, maxBody), "email", "password");
        String email = body.text("email", 254).toLowerCase();
        String password = exact(body, "password");
        var attempt = signIns.attempt(ctx, email);
        var credentials = store.credentials(email);
        if (credentials.isEmpty()) {
            Passwords.burnTime(password);
        }
        if (credentials.isEmpty() || !Passwords.matches(password, credentials.get().passwordHash())
                || credentials.get().disabled()) {
            throw ApiError.badCredentials();
        }
        signIns.succeeded(attempt);
        long id = credentials.get().id();
        String csrf = sessions.start(ctx, id);
        ctx.json(sessionJson(store.get(id).orElseThrow(), csrf));
    }

    public void current(Context ctx) {
        Query.of(ctx);
        Viewer viewer = Access.viewer(ctx);
        if (!viewer.signedIn()) {
            ctx.json(Map.of("signedIn", false));
            return;
        }
        ctx.json(sessionJson(store.get(viewer.requireAccount()).orElseThrow(), viewer.csrfToken().orElseThrow()));
    }

    public void signOut(Context ctx) {
        sessions.end(ctx);
        ctx.status(204);
    }

    public void updateOwn(Context ctx) {
        long id = Access.viewer(ctx).requireAccount();
        var body = Fields.of(Requests.jsonBody(ctx, maxBody), "displayName", "homeAreaId", "password",
                "currentPassword");
        Optional<String> name = body.optionalText("displayName", 80);
        Optional<Optional<Long>> home = body.has("homeAreaId")
                ? Optional.of(body.optionalId("homeAreaId")) : Optional.empty();
        Optional<String> newHash = Optional.empty();
        if (body.has("password")) {
            String current = exact(body, "currentPassword");
            String email = store.get(id).orElseThrow().email();
            // Checking the current password is a guess like a sign-in, and is throttled alike.
            var attempt = signIns.attempt(ctx, email);
            String stored = store.credentials(email).orElseThrow().passwordHash();
            if (!Passwords.matches(current, stored)) {
                throw ApiError.invalid("currentPassword", "is not your current password");
            }
            signIns.succeeded(attempt);
            newHash = Optional.of(Passwords.hash(password(body, "password")));
        }
        ctx.json(store.updateOwn(id, name, home, newHash, sessions.currentTokenHash(ctx)));
    }

    public void list(Context ctx) {
        var query = Query.of(ctx, "limit", "after");
        ctx.json(store.list(query.id("after").orElse(0L), query.integer("limit", 100, 1, 1000)));
    }

    public void updateByAdmin(Context ctx) {
        long id = Requests.pathId(ctx, "id", "Account");
        var body = Fields.of(Requests.jsonBody(ctx, maxBody), "role", "disabled");
        var role = body.optionalChoice("role", Role.class);
        var disabled = body.optionalBoolean("disabled");
        if (Access.viewer(ctx).is(id) && (role.filter(r -> r != Role.ADMIN).isPresent() || disabled.orElse(false))) {
            throw ApiError.invalid(role.isPresent() ? "role" : "disabled",
                    "admins cannot demote or disable themselves; ask another admin");
        }
        ctx.json(store.updateByAdmin(id, role, disabled));
    }

    private static String email(Fields body) {
        String email = body.text("email", 254).toLowerCase();
        if (!EMAIL.matcher(email).matches()) {
            throw ApiError.invalid("email", "is not an email address");
        }
        return email;
    }

    /** A new password: taken exactly as typed (spaces count), and long enough. */
    private static String password(Fields body, String field) {
        String password = exact(body, field);
        Passwords.requireStrongEnough(field, password);
        return password;
    }

    /** A password as typed: never trimmed, so what was set is what signs in. */
    private static String exact(Fields body, String field) {
        var raw = body.raw(field);
        if (raw.isEmpty() || raw.get().isNull()) {
            throw ApiError.invalid(field, "is required");
        }
        if (!raw.get().isTextual()) {
            throw ApiError.invalid(field, "must be a string");
        }
        String password = raw.get().textValue();
        if (password.length() > 4 * Passwords.MAX_LENGTH) {
            throw ApiError.invalid(field, "is too long");
        }
        return password;
    }

    private static Map<String, Object> signUpAccepted() {
        var json = new LinkedHashMap<String, Object>();
        json.put("accepted", true);
        json.put("detail", "Sign in with this email address and password (POST /api/session). If the address "
                + "already had an account, nothing was changed: that account's own password still applies.");
        return java.util.Collections.unmodifiableMap(json);
    }

    private static Map<String, Object> sessionJson(Account account, String csrf) {
        var json = new LinkedHashMap<String, Object>();
        json.put("signedIn", true);
        json.put("account", account);
        json.put("csrfToken", csrf);
        return json;
    }
}
