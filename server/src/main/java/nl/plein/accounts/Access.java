package nl.plein.accounts;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import nl.plein.http.ApiError;

/** The least a route requires, as written in the route table; ownership is checked in the handler. */
public enum Access implements RouteRole {
    ANYONE,
    /** Signed in, guests of a meeting included; the handler checks that the viewer joined the meeting. */
    ATTENDEE,
    /** Signed in, and not as a guest: this rule and every one after it refuse guests. */
    SIGNED_IN, MODERATOR, PLANNER, ADMIN;

    public static final String VIEWER = "plein.viewer";

    public static Viewer viewer(Context ctx) {
        Viewer viewer = ctx.attribute(VIEWER);
        return viewer == null ? Viewer.ANONYMOUS : viewer;
    }

    /** Checks a route's declared access (App refuses to start with a route that declares none). */
    public static void check(java.util.Set<RouteRole> declared, Viewer viewer) {
        for (RouteRole role : declared) {
            ((Access) role).check(viewer);
        }
    }

    /** Refuses the request unless the viewer holds this access. */
    public void check(Viewer viewer) {
        if (this == ANYONE) {
            return;
        }
        if (!viewer.signedIn()) {
            throw ApiError.unauthenticated();
        }
        if (viewer.guest() && this != ATTENDEE) {
            throw ApiError.forbidden("A guest account made at a meeting can only take part through that meeting "
                    + "(comment, support and answer there); sign up for an account to do this.");
        }
        boolean allowed = switch (this) {
            case MODERATOR -> viewer.role().moderates();
            case PLANNER -> viewer.role().plans();
            case ADMIN -> viewer.role() == Role.ADMIN;
            default -> true;
        };
        if (!allowed) {
            throw ApiError.forbidden("This needs the " + name().toLowerCase() + " role.");
        }
    }
}
