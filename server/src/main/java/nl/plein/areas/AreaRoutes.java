package nl.plein.areas;

import io.javalin.http.Context;
import nl.plein.db.Jdbis;
import nl.plein.http.GeoJson;
import nl.plein.http.Query;
import org.jdbi.v3.core.Jdbi;

/**
 * Neighbourhood boundaries, for choosing a home area and for analysis. Boundary sets are versioned:
 * without {@code set}, the newest set is listed.
 */
public final class AreaRoutes {
    private static final String FEATURES = Jdbis.sql(AreaRoutes.class, "features.sql");

    private final Jdbi jdbi;

    public AreaRoutes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void list(Context ctx) {
        var query = Query.of(ctx, "set");
        Long set = query.id("set").orElse(null);
        GeoJson.collection(ctx, jdbi.withHandle(h -> h.createQuery(FEATURES).bind("set", set)
                .mapTo(String.class).list()), null);
    }
}
