package nl.plein.hotspots;

import java.util.HashMap;
import java.util.Map;
import nl.plein.db.Jdbis;
import org.jdbi.v3.core.Handle;

/**
 * Queen contiguity between the areas of a boundary set, as spdep's {@code poly2nb} defines it
 * (METHODS.md §0.3): two areas are neighbours when a vertex of one's boundary lies within
 * {@link #SNAP_METRES} of a vertex of the other's, measured in the set's metric CRS. Real boundary
 * files are seldom noded together: simplified ones overlap by slivers and leave hairline gaps, so
 * "the outlines intersect" joins areas that only overlap by a sliver and finds no islands, where
 * comparing vertices gives the neighbours a statistician checking with spdep finds.
 *
 * <p>An area with no neighbour is an island: it has no entry in the map.
 */
final class QueenContiguity {
    /** The snap tolerance: vertices at most this far apart (metres) count as one point. */
    static final double SNAP_METRES = 0.01;

    private static final String NEIGHBOURS = Jdbis.sql(QueenContiguity.class, "area-neighbours.sql");

    private QueenContiguity() {
    }

    /** Each area's neighbours, by id in ascending order; islands are absent. */
    static Map<Long, long[]> of(Handle h, long setId) {
        var neighbours = new HashMap<Long, long[]>();
        h.createQuery(NEIGHBOURS).bind("set", setId).bind("snap", SNAP_METRES).map((rs, ctx) -> {
            Long[] boxed = (Long[]) rs.getArray("neighbours").getArray();
            long[] ids = new long[boxed.length];
            for (int k = 0; k < ids.length; k++) {
                ids[k] = boxed[k];
            }
            return Map.entry(rs.getLong("id"), ids);
        }).forEach(e -> neighbours.put(e.getKey(), e.getValue()));
        return Map.copyOf(neighbours);
    }
}
