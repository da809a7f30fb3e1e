package nl.plein.vectortiles;

import java.util.Optional;
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

    /** The version of the project's proposals (migration V7); empty when there is no such project. */
    public Optional<Long> proposalsVersion(long projectId) {
        return jdbi.withHandle(h -> h.createQuery(PROJECT_VERSION).bind("project", projectId)
                .mapTo(Long.class).findOne());
    }

    public boolean areaSetExists(long setId) {
        return jdbi.withHandle(h -> h.createQuery(SET_EXISTS).bind("set", setId).mapTo(Boolean.class).one());
    }

    /**
     * The tile of the project's proposals that everyone may see (never hidden, withdrawn or
     * unpublished ones: the tile is cached publicly, so it is the same for every viewer).
     */
    public byte[] proposals(long projectId, Tile tile) {
        return jdbi.withHandle(h -> tile(Visibility.apply(h.createQuery(PROPOSALS), Viewer.ANONYMOUS)
                .bind("project", projectId), tile));
    }

    public byte[] areas(long setId, Tile tile) {
        return jdbi.withHandle(h -> tile(h.createQuery(AREAS).bind("set", setId), tile));
    }

    /** Binds the tile's coordinates and sizes and runs the statement: one tile, empty when it has nothing. */
    private static byte[] tile(Query query, Tile tile) {
        return query.bind("z", tile.z()).bind("x", tile.x()).bind("y", tile.y())
                .bind("extent", EXTENT).bind("buffer", BUFFER).bind("margin", (double) BUFFER / EXTENT)
                .mapTo(byte[].class).findOne().orElse(new byte[0]);
    }
}
