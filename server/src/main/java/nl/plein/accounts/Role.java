package nl.plein.accounts;

/** What an account may do beyond taking part. Admins may do everything the others may. */
public enum Role {
    RESIDENT, MODERATOR, PLANNER, ADMIN;

    public boolean moderates() {
        return this == MODERATOR || this == ADMIN;
    }

    public boolean plans() {
        return this == PLANNER || this == ADMIN;
    }

    /** Staff see hidden and unpublished content, to act on it. */
    public boolean isStaff() {
        return this != RESIDENT;
    }
}
