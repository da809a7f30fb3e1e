package nl.plein.accounts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.plein.db.Sql;
import nl.plein.http.ApiError;

/** Accounts in PostgreSQL; emails are unique regardless of case. */
public final class AccountStore {
    private static final String SELECT = """
            SELECT a.id, a.email, a.display_name, a.role, a.disabled, a.guest, a.created_at,
                   h.id AS home_id, h.code AS home_code, h.name AS home_name
              FROM accounts a LEFT JOIN areas h ON h.id = a.home_area_id
            """;

    private final DataSource dataSource;

    public AccountStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    record Credentials(long id, String passwordHash, boolean disabled) {
    }

    public Account create(String email, String passwordHash, String displayName, Optional<Long> homeAreaId,
                          Role role) {
        return Sql.transaction(dataSource, c -> {
            if (homeAreaId.isPresent()) {
                requireArea(c, homeAreaId.get());
            }
            if (Sql.one(c, "SELECT 1 FROM accounts WHERE lower(email) = lower(?)", rs -> 1, email).isPresent()) {
                throw ApiError.conflict("email", "an account with this email address exists already");
            }
            try {
                long id = Sql.one(c, """
                        INSERT INTO accounts (email, password_hash, display_name, role, home_area_id)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""", rs -> rs.getLong(1),
                        email, passwordHash, displayName, role.name().toLowerCase(), homeAreaId).orElseThrow();
                return get(c, id).orElseThrow();
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw ApiError.conflict("email", "an account with this email address exists already");
                }
                throw e;
            }
        });
    }

    /** What a sign-up did: made a new account, or found the address taken and changed nothing. */
    record SignUp(long accountId, boolean created) {
    }

    /**
     * Makes a resident's account unless the address has one already. Both ways run the same
     * statements up to the insert, which simply does nothing for a taken address.
     */
    SignUp signUp(String email, String passwordHash, String displayName, Optional<Long> homeAreaId) {
        return Sql.transaction(dataSource, c -> {
            if (homeAreaId.isPresent()) {
                requireArea(c, homeAreaId.get());
            }
            Optional<Long> made = Sql.one(c, """
                    INSERT INTO accounts (email, password_hash, display_name, role, home_area_id)
                    VALUES (?, ?, ?, 'resident', ?) ON CONFLICT DO NOTHING RETURNING id""", rs -> rs.getLong(1),
                    email, passwordHash, displayName, homeAreaId);
            if (made.isPresent()) {
                return new SignUp(made.get(), true);
            }
            return new SignUp(Sql.one(c, "SELECT id FROM accounts WHERE lower(email) = lower(?)",
                    rs -> rs.getLong(1), email).orElseThrow(), false);
        });
    }

    Optional<Credentials> credentials(String email) {
        return Sql.read(dataSource, c -> Sql.one(c,
                "SELECT id, password_hash, disabled FROM accounts WHERE lower(email) = lower(?)",
                rs -> new Credentials(rs.getLong(1), rs.getString(2), rs.getBoolean(3)), email));
    }

    public Optional<Account> get(long id) {
        return Sql.read(dataSource, c -> get(c, id));
    }

    private static Optional<Account> get(Connection c, long id) throws SQLException {
        return Sql.one(c, SELECT + " WHERE a.id = ?", AccountStore::map, id);
    }

    public List<Account> list(long afterId, int limit) {
        return Sql.read(dataSource, c -> Sql.list(c, SELECT + " WHERE a.id > ? ORDER BY a.id LIMIT ?",
                AccountStore::map, afterId, limit));
    }

    /**
     * Changes what the owner may change; absent values stay as they are. A new password ends every
     * other session of the account: only the session whose token hashes to {@code keepSession} stays.
     */
    public Account updateOwn(long id, Optional<String> displayName, Optional<Optional<Long>> homeAreaId,
                             Optional<String> newPasswordHash, byte[] keepSession) {
        return Sql.transaction(dataSource, c -> {
            if (homeAreaId.isPresent() && homeAreaId.get().isPresent()) {
                requireArea(c, homeAreaId.get().get());
            }
            Sql.update(c, """
                    UPDATE accounts SET display_name = coalesce(?, display_name),
                           home_area_id = CASE WHEN ? THEN ? ELSE home_area_id END,
                           password_hash = coalesce(?, password_hash)
                     WHERE id = ?""",
                    displayName, homeAreaId.isPresent(), homeAreaId.flatMap(h -> h), newPasswordHash, id);
            if (newPasswordHash.isPresent()) {
                Sql.update(c, "DELETE FROM sessions WHERE account_id = ? AND token_hash <> ?", id, keepSession);
            }
            return get(c, id).orElseThrow(() -> ApiError.notFound("Account " + id));
        });
    }

    /**
     * What only an admin changes: the role, and whether the account may sign in. A new role or
     * disabling ends every session of the account, so that it signs in again under its new rights.
     */
    public Account updateByAdmin(long id, Optional<Role> role, Optional<Boolean> disabled) {
        return Sql.transaction(dataSource, c -> {
            record Current(boolean guest, String role) {
            }
            var current = Sql.one(c, "SELECT guest, role FROM accounts WHERE id = ? FOR UPDATE",
                    rs -> new Current(rs.getBoolean(1), rs.getString(2)), id)
                    .orElseThrow(() -> ApiError.notFound("Account " + id));
            boolean guest = current.guest();
            if (guest && role.filter(r -> r != Role.RESIDENT).isPresent()) {
                throw ApiError.conflict("role", "a guest account of a meeting keeps the resident role");
            }
            Sql.update(c, """
                    UPDATE accounts SET role = coalesce(?, role), disabled = coalesce(?, disabled)
                     WHERE id = ?""", role.map(r -> r.name().toLowerCase()), disabled, id);
            boolean newRole = role.filter(r -> !r.name().equalsIgnoreCase(current.role())).isPresent();
            if (disabled.orElse(false) || newRole) {
                Sql.update(c, "DELETE FROM sessions WHERE account_id = ?", id);
            }
            return get(c, id).orElseThrow();
        });
    }

    /** Creates the configured admin if no account has that email yet; an existing one is left alone. */
    public boolean ensureAdmin(String email, String passwordHash) {
        return Sql.transaction(dataSource, c -> Sql.update(c, """
                INSERT INTO accounts (email, password_hash, display_name, role)
                SELECT ?, ?, 'Administrator', 'admin'
                 WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE lower(email) = lower(?))""",
                email, passwordHash, email) == 1);
    }

    /** A guest of a meeting: a display name and perhaps a home area, no email, no password. */
    public static long createGuest(Connection c, String displayName, Optional<Long> homeAreaId) throws SQLException {
        if (homeAreaId.isPresent()) {
            requireArea(c, homeAreaId.get());
        }
        return Sql.one(c, "INSERT INTO accounts (display_name, home_area_id, guest) VALUES (?, ?, true) RETURNING id",
                rs -> rs.getLong(1), displayName, homeAreaId).orElseThrow();
    }

    private static void requireArea(Connection c, long areaId) throws SQLException {
        if (Sql.one(c, "SELECT 1 FROM areas WHERE id = ?", rs -> 1, areaId).isEmpty()) {
            throw ApiError.invalid("homeAreaId", "there is no area " + areaId);
        }
    }

    private static Account map(ResultSet rs) throws SQLException {
        long homeId = rs.getLong("home_id");
        Account.HomeArea home = rs.wasNull() ? null
                : new Account.HomeArea(homeId, rs.getString("home_code"), rs.getString("home_name"));
        return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("role"), home, rs.getBoolean("disabled"), rs.getBoolean("guest"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
