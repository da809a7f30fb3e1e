package nl.plein.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Accounts in PostgreSQL; emails are unique regardless of case. */
public final class AccountStore {
    private static final String ACCOUNT = Jdbis.sql(AccountStore.class, "account.sql");
    private static final String ACCOUNTS = Jdbis.sql(AccountStore.class, "accounts.sql");
    private static final String EMAIL_TAKEN = Jdbis.sql(AccountStore.class, "email-taken.sql");
    private static final String CREDENTIALS = Jdbis.sql(AccountStore.class, "credentials.sql");
    private static final String CREATE = Jdbis.sql(AccountStore.class, "create.sql");
    private static final String SIGN_UP = Jdbis.sql(AccountStore.class, "sign-up.sql");
    private static final String UPDATE_OWN = Jdbis.sql(AccountStore.class, "update-own.sql");
    private static final String LOCK = Jdbis.sql(AccountStore.class, "lock.sql");
    private static final String UPDATE_BY_ADMIN = Jdbis.sql(AccountStore.class, "update-by-admin.sql");
    private static final String ENSURE_ADMIN = Jdbis.sql(AccountStore.class, "ensure-admin.sql");
    private static final String CREATE_GUEST = Jdbis.sql(AccountStore.class, "create-guest.sql");
    private static final String AREA_EXISTS = Jdbis.sql(AccountStore.class, "area-exists.sql");
    private static final String END_OTHER_SESSIONS = Jdbis.sql(AccountStore.class, "end-other-sessions.sql");
    private static final String END_SESSIONS = Jdbis.sql(AccountStore.class, "end-sessions.sql");

    private final Jdbi jdbi;

    public AccountStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    record Credentials(long id, String passwordHash, boolean disabled) {
    }

    public Account create(String email, String passwordHash, String displayName, Optional<Long> homeAreaId,
                          Role role) {
        return jdbi.inTransaction(h -> {
            if (homeAreaId.isPresent()) {
                requireArea(h, homeAreaId.get());
            }
            if (accountWithEmail(h, email).isPresent()) {
                throw emailTaken();
            }
            try {
                long id = h.createQuery(CREATE)
                        .bind("email", email)
                        .bind("passwordHash", passwordHash)
                        .bind("displayName", displayName)
                        .bind("role", role.name().toLowerCase())
                        .bind("homeArea", homeAreaId.orElse(null))
                        .mapTo(Long.class).one();
                return get(h, id).orElseThrow();
            } catch (UnableToExecuteStatementException e) {
                // Another request took the address between the check and the insert.
                if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    throw emailTaken();
                }
                throw e;
            }
        });
    }

    private static ApiError emailTaken() {
        return ApiError.conflict("email", "an account with this email address exists already");
    }

    /** What a sign-up did: made a new account, or found the address taken and changed nothing. */
    record SignUp(long accountId, boolean created) {
    }

    /**
     * Makes a resident's account unless the address has one already. Both ways run the same
     * statements up to the insert, which simply does nothing for a taken address.
     */
    SignUp signUp(String email, String passwordHash, String displayName, Optional<Long> homeAreaId) {
        return jdbi.inTransaction(h -> {
            if (homeAreaId.isPresent()) {
                requireArea(h, homeAreaId.get());
            }
            Optional<Long> made = h.createQuery(SIGN_UP)
                    .bind("email", email)
                    .bind("passwordHash", passwordHash)
                    .bind("displayName", displayName)
                    .bind("homeArea", homeAreaId.orElse(null))
                    .mapTo(Long.class).findOne();
            if (made.isPresent()) {
                return new SignUp(made.get(), true);
            }
            return new SignUp(accountWithEmail(h, email).orElseThrow(), false);
        });
    }

    private static Optional<Long> accountWithEmail(Handle h, String email) {
        return h.createQuery(EMAIL_TAKEN).bind("email", email).mapTo(Long.class).findOne();
    }

    Optional<Credentials> credentials(String email) {
        return jdbi.withHandle(h -> h.createQuery(CREDENTIALS).bind("email", email)
                .map((rs, ctx) -> new Credentials(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
                .findOne());
    }

    public Optional<Account> get(long id) {
        return jdbi.withHandle(h -> get(h, id));
    }

    private static Optional<Account> get(Handle h, long id) {
        return h.createQuery(ACCOUNT).bind("id", id).map(AccountStore::map).findOne();
    }

    public List<Account> list(long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(ACCOUNTS).bind("after", afterId).bind("limit", limit)
                .map(AccountStore::map).list());
    }

    /**
     * Changes what the owner may change; absent values stay as they are. A new password ends every
     * other session of the account: only the session whose token hashes to {@code keepSession} stays.
     */
    public Account updateOwn(long id, Optional<String> displayName, Optional<Optional<Long>> homeAreaId,
                             Optional<String> newPasswordHash, byte[] keepSession) {
        return jdbi.inTransaction(h -> {
            if (homeAreaId.isPresent() && homeAreaId.get().isPresent()) {
                requireArea(h, homeAreaId.get().get());
            }
            h.createUpdate(UPDATE_OWN)
                    .bind("id", id)
                    .bind("displayName", displayName.orElse(null))
                    .bind("changeHome", homeAreaId.isPresent())
                    .bind("homeArea", homeAreaId.flatMap(home -> home).orElse(null))
                    .bind("passwordHash", newPasswordHash.orElse(null))
                    .execute();
            if (newPasswordHash.isPresent()) {
                h.createUpdate(END_OTHER_SESSIONS).bind("account", id).bind("keep", keepSession).execute();
            }
            return get(h, id).orElseThrow(() -> ApiError.notFound("Account " + id));
        });
    }

    /**
     * What only an admin changes: the role, and whether the account may sign in. A new role or
     * disabling ends every session of the account, so that it signs in again under its new rights.
     */
    public Account updateByAdmin(long id, Optional<Role> role, Optional<Boolean> disabled) {
        return jdbi.inTransaction(h -> {
            record Current(boolean guest, String role) {
            }
            var current = h.createQuery(LOCK).bind("id", id)
                    .map((rs, ctx) -> new Current(rs.getBoolean(1), rs.getString(2)))
                    .findOne()
                    .orElseThrow(() -> ApiError.notFound("Account " + id));
            if (current.guest() && role.filter(r -> r != Role.RESIDENT).isPresent()) {
                throw ApiError.conflict("role", "a guest account of a meeting keeps the resident role");
            }
            h.createUpdate(UPDATE_BY_ADMIN)
                    .bind("id", id)
                    .bind("role", role.map(r -> r.name().toLowerCase()).orElse(null))
                    .bind("disabled", disabled.orElse(null))
                    .execute();
            boolean newRole = role.filter(r -> !r.name().equalsIgnoreCase(current.role())).isPresent();
            if (disabled.orElse(false) || newRole) {
                h.createUpdate(END_SESSIONS).bind("account", id).execute();
            }
            return get(h, id).orElseThrow();
        });
    }

    /** Creates the configured admin if no account has that email yet; an existing one is left alone. */
    public boolean ensureAdmin(String email, String passwordHash) {
        return jdbi.inTransaction(h -> h.createUpdate(ENSURE_ADMIN)
                .bind("email", email)
                .bind("passwordHash", passwordHash)
                .execute() == 1);
    }

    /** A guest of a meeting, made inside the caller's transaction: a display name and perhaps a home area. */
    public static long createGuest(Handle h, String displayName, Optional<Long> homeAreaId) {
        if (homeAreaId.isPresent()) {
            requireArea(h, homeAreaId.get());
        }
        return h.createQuery(CREATE_GUEST)
                .bind("displayName", displayName)
                .bind("homeArea", homeAreaId.orElse(null))
                .mapTo(Long.class).one();
    }

    private static void requireArea(Handle h, long areaId) {
        if (!h.createQuery(AREA_EXISTS).bind("area", areaId).mapTo(Boolean.class).one()) {
            throw ApiError.invalid("homeAreaId", "there is no area " + areaId);
        }
    }

    private static Account map(ResultSet rs, StatementContext ctx) throws SQLException {
        long homeId = rs.getLong("home_id");
        Account.HomeArea home = rs.wasNull() ? null
                : new Account.HomeArea(homeId, rs.getString("home_code"), rs.getString("home_name"));
        return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("role"), home, rs.getBoolean("disabled"), rs.getBoolean("guest"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
