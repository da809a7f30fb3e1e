package nl.plein.following;

import java.util.Locale;
import nl.plein.http.ApiError;

/** What a person can follow. On the wire and in {@code follows.kind}: proposal, work, project. */
public enum FollowKind {
    PROPOSAL("Proposal"), WORK("Work"), PROJECT("Project");

    private final String noun;

    FollowKind(String noun) {
        this.noun = noun;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The noun in a 404, as the path names it. */
    public String noun() {
        return noun;
    }

    /** The kind in a path; an unknown one is a 404, as nothing of that kind exists. */
    public static FollowKind fromPath(String raw) {
        for (FollowKind kind : values()) {
            if (kind.wire().equals(raw)) {
                return kind;
            }
        }
        throw ApiError.notFound("What to follow '" + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw)
                + "' (proposal, work or project)");
    }
}
