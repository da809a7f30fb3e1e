package nl.plein.accounts;

import java.util.Optional;
import nl.plein.http.ApiError;

/**
 * Who is asking: an account with its role, or nobody. Every read and write is decided on this. A
 * guest is an account made by joining a meeting, which may act only through that meeting.
 */
public record Viewer(Optional<Long> accountId, Role role, Optional<String> csrfToken, boolean guest) {
    public static final Viewer ANONYMOUS = new Viewer(Optional.empty(), Role.RESIDENT, Optional.empty(), false);

    public static Viewer of(long accountId, Role role, String csrfToken) {
        return of(accountId, role, csrfToken, false);
    }

    public static Viewer of(long accountId, Role role, String csrfToken, boolean guest) {
        return new Viewer(Optional.of(accountId), role, Optional.of(csrfToken), guest);
    }

    public boolean signedIn() {
        return accountId.isPresent();
    }

    public long requireAccount() {
        return accountId.orElseThrow(ApiError::unauthenticated);
    }

    public boolean is(long otherAccountId) {
        return accountId.isPresent() && accountId.get() == otherAccountId;
    }

    public boolean isStaff() {
        return signedIn() && role.isStaff();
    }

    /** For SQL: the viewer's id, or -1 which matches no account. */
    public long idOrNone() {
        return accountId.orElse(-1L);
    }
}
