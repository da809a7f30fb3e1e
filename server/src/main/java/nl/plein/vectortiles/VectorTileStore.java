package nl.plein.vectortiles;

import java.util.Optional;
import java.util.function.LongPredicate;
import nl.plein.accounts.Viewer;
import nl.plein.db.Jdbis;
import nl.plein.proposals.Visibility;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Mapbox Vector Tiles made by PostGIS, one statement per tile (proposals.sql, areas.sql), and the
 * versions that tell a client whether the tile it holds is still good.
 */
public final class VectorTileStore {
    /** Tile coordinates run from 0 to EXTENT in each direction; 4096 is what every renderer expects. */
    public static final int EXTENT = 4096;
    /** Geometry kept beyond the tile's edge, in tile units, so lines and outlines join without seams. */
    public static final int BUFFER = 64;

    private static final String PROPOSALS = Jdbis.sql(VectorTileStore.class, "proposals.sql");
    private static final String AREAS = Jdbis.sql(VectorTileStore.class, "areas.sql");
    private static final String PROJECT_VERSION = Jdbis.sql(VectorTileStore.class, "project-version.sql");
    private static final String SET_EXISTS = Jdbis.sql(VectorTileStore.class, "area-set-exists.sql");

    private final Jdbi jdbi;

    public VectorTileStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * What a tile request gets: the version its ETag is made of, and the tile, or null where the
     * client's copy of that version is still current (a 304: the tile is not made).
     */
    public record Answer(long version, byte[] tile) {
    }

    /**
     * The tile of the project's proposals that everyone may see (never hidden, withdrawn or
     * unpublished ones: the tile is cached publicly, so it is the same for every viewer), at the
     * version of the project's proposals (migration V7); not made when {@code current} says the
     * client holds that version. Empty when there is no such project. One connection for both
     * statements: a tile request is frequent and small, so the second checkout would show.
     */
    public Optional<Answer> proposals(long projectId, Tile tile, LongPredicate current) {
        return jdbi.withHandle(h -> {
            Optional<Long> version = h.createQuery(PROJECT_VERSION).bind("project", projectId)
                    .map((rs, ctx) -> rs.getLong(1)).findOne();
            return version.map(v -> new Answer(v, current.test(v) ? null
                    : tile(Visibility.apply(h.createQuery(PROPOSALS), Viewer.ANONYMOUS).bind("project", projectId),
                            tile)));
        });
    }

    /**
     * The tile of a boundary set's areas (a set never changes, so its version is 0); not made when
     * {@code current}. Empty when there is no such set.
     */
    public Optional<Answer> areas(long setId, Tile tile, boolean current) {
        return jdbi.withHandle(h -> {
            if (!h.createQuery(SET_EXISTS).bind("set", setId).map((rs, ctx) -> rs.getBoolean(1)).one()) {
                return Optional.<Answer>empty();
            }
            return Optional.of(new Answer(0, current ? null : tile(h.createQuery(AREAS).bind("set", setId), tile)));
        });
    }

    /** Binds the tile's coordinates and sizes and runs the statement: one tile, empty when it has nothing. */
    private static byte[] tile(Query query, Tile tile) {
        return query.bind("z", tile.z()).bind("x", tile.x()).bind("y", tile.y())
                .bind("extent", EXTENT).bind("buffer", BUFFER).bind("margin", (double) BUFFER / EXTENT)
                .map((rs, ctx) -> rs.getBytes(1)).findOne().orElse(new byte[0]);
    }
}
