package nl.plein.accounts;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.plein.http.ApiError;
import nl.plein.http.Fields;
import nl.plein.http.Query;
import nl.plein.http.Requests;

/** Sign-up, sign-in, one's own account, and the admin's view of all accounts. */
public final class AccountRoutes {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private final AccountStore store;
    private final Sessions sessions;
    private final long maxBody;
    private final LoginThrottle throttle = new LoginThrottle();

    public AccountRoutes(AccountStore store, Sessions sessions, long maxBody) {
        this.store = store;
        this.sessions = sessions;
        this.maxBody = maxBody;
    }

    public void signUp(Context ctx) {
        var body = Fields.of(Requests.jsonBody(ctx, maxBody), "email", "password", "displayName", "homeAreaId");
        String email = email(body);
        String password = password(body, "password");
        String name = body.text("displayName", 80);
        Account account = store.create(email, Passwords.hash(password), name, body.optionalId("homeAreaId"),
                Role.RESIDENT);
        String csrf = sessions.start(ctx, account.id());
        ctx.status(201).json(sessionJson(account, csrf));
    }

    public void signIn(Context ctx) {
        var body = Fields.of(Requests.jsonBody(ctx, maxBody), "email", "password");
        String email = body.text("email", 254).toLowerCase();
        String password = exact(body, "password");
        String byAddress = "ip:" + ctx.ip();
        throttle.check("email:" + email, byAddress);
        var credentials = store.credentials(email);
        if (credentials.isEmpty()) {
            Passwords.burnTime(password);
        }
        if (credentials.isEmpty() || !Passwords.matches(password, credentials.get().passwordHash())
                || credentials.get().disabled()) {
            throttle.failed("email:" + email, byAddress);
            throw ApiError.badCredentials();
        }
        throttle.succeeded("email:" + email);
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
            String stored = store.get(id).flatMap(a -> store.credentials(a.email())).orElseThrow().passwordHash();
            if (!Passwords.matches(current, stored)) {
                throw ApiError.invalid("currentPassword", "is not your current password");
            }
            newHash = Optional.of(Passwords.hash(password(body, "password")));
        }
        ctx.json(store.updateOwn(id, name, home, newHash));
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

    private static Map<String, Object> sessionJson(Account account, String csrf) {
        var json = new LinkedHashMap<String, Object>();
        json.put("signedIn", true);
        json.put("account", account);
        json.put("csrfToken", csrf);
        return json;
    }
}
