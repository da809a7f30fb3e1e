package nl.plein.vectortiles;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import nl.plein.db.NamedSql;
import nl.plein.db.Sql;
import nl.plein.proposals.Visibility;

/**
 * Mapbox Vector Tiles made by PostGIS, one statement per tile (proposals.sql, areas.sql), and the
 * versions that tell a client whether the tile it holds is still good.
 */
public final class VectorTileStore {
    /** Tile coordinates run from 0 to EXTENT in each direction; 4096 is what every renderer expects. */
    public static final int EXTENT = 4096;
    /** Geometry kept beyond the tile's edge, in tile units, so lines and outlines join without seams. */
    public static final int BUFFER = 64;

    private static final NamedSql PROPOSALS = NamedSql.of(Sql.load(VectorTileStore.class, "proposals.sql")
            .replace("/*visible*/", Visibility.PROPOSAL_NAMED));
    private static final NamedSql AREAS = NamedSql.of(Sql.load(VectorTileStore.class, "areas.sql"));
    private static final String PROJECT_VERSION = "SELECT coalesce((SELECT v.proposals FROM analysis_versions v"
            + " WHERE v.project_id = p.id), 0) FROM projects p WHERE p.id = ?";
    private static final String SET_EXISTS = "SELECT 1 FROM area_sets WHERE id = ?";

    private final DataSource dataSource;

    public VectorTileStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The version of the project's proposals (migration V7); empty when there is no such project. */
    public Optional<Long> proposalsVersion(long projectId) {
        return Sql.read(dataSource, c -> Sql.one(c, PROJECT_VERSION, rs -> rs.getLong(1), projectId));
    }

    public boolean areaSetExists(long setId) {
        return Sql.read(dataSource, c -> Sql.one(c, SET_EXISTS, rs -> true, setId)).isPresent();
    }

    /**
     * The tile of the project's proposals that everyone may see (never hidden, withdrawn or
     * unpublished ones: the tile is cached publicly, so it is the same for every viewer).
     */
    public byte[] proposals(long projectId, Tile tile) {
        var values = values(tile);
        values.put("project", projectId);
        values.put("staff", false);
        values.put("viewer", -1L);
        return run(PROPOSALS, values);
    }

    public byte[] areas(long setId, Tile tile) {
        var values = values(tile);
        values.put("set", setId);
        return run(AREAS, values);
    }

    private static Map<String, Object> values(Tile tile) {
        var values = new HashMap<String, Object>();
        values.put("z", tile.z());
        values.put("x", tile.x());
        values.put("y", tile.y());
        values.put("extent", EXTENT);
        values.put("buffer", BUFFER);
        values.put("margin", (double) BUFFER / EXTENT);
        return values;
    }

    private byte[] run(NamedSql statement, Map<String, Object> values) {
        return Sql.read(dataSource, c -> Sql.one(c, statement.sql(), rs -> rs.getBytes(1), statement.bind(values)))
                .orElse(new byte[0]);
    }
}
