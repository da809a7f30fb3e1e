package nl.plein.accounts;

import java.time.OffsetDateTime;

/**
 * An account as its owner and admins see it. Others see only the display name. A guest (made by
 * joining a meeting) has no email.
 */
public record Account(long id, String email, String displayName, String role, HomeArea homeArea,
                      boolean disabled, boolean guest, OffsetDateTime createdAt) {

    /** A home kept as a neighbourhood, never an address. */
    public record HomeArea(long id, String code, String name) {
    }
}
