package nl.plein.areas;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import nl.plein.db.Sql;

/**
 * The one rule that places a drawing in a neighbourhood: the area of the set that covers a point
 * inside the drawing (ST_PointOnSurface, so lines and areas count where they are, not at a
 * centroid that may fall outside them). ST_Covers on areas.geom uses its GiST index. A drawing no
 * area covers, and a comment without a geometry, gets NULL.
 */
public final class AreaAssignment {
    /** The tables whose rows carry a drawing and an area_id: the only names this class puts in SQL. */
    public enum Drawing {
        PROPOSALS("proposals"), VARIANTS("variants"), COMMENTS("comments");

        private final String table;

        Drawing(String table) {
            this.table = table;
        }
    }

    /** The newest neighbourhood-level set; its id is the highest, as sets are only ever added. */
    static final String NEWEST_SET = "(SELECT max(s.id) FROM area_sets s WHERE s.kind = 'neighbourhood')";

    /** The rule itself: area {@code a} holds drawing {@code d}. Both statements below are built on it. */
    private static final String COVERS = "ST_Covers(a.geom, ST_PointOnSurface(d.geom))";

    private static final Map<Drawing, String> ONE = new EnumMap<>(Drawing.class);
    private static final Map<Drawing, String> ALL = new EnumMap<>(Drawing.class);

    static {
        for (Drawing drawing : Drawing.values()) {
            // One drawing: the GiST index on areas.geom finds the candidates; lowest id where areas overlap.
            ONE.put(drawing, "UPDATE " + drawing.table + " d SET area_id = (SELECT a.id FROM areas a WHERE a.area_set_id = "
                    + NEWEST_SET + " AND " + COVERS + " ORDER BY a.id LIMIT 1) WHERE d.id = ?");
            // All drawings, one statement per table. Area by area, the drawings' GiST index finds those
            // whose box meets it (a drawing's point on surface lies in its box), and PostGIS prepares
            // each area once for the many points tested against it: about five times faster than a
            // lookup per drawing, whose area changes every row. The OFFSET 0 fences keep that order.
            // Rows whose area stays the same are not rewritten; drawings no area holds get NULL.
            ALL.put(drawing, "WITH placed AS MATERIALIZED (SELECT d.id, min(a.id) AS area_id"
                    + " FROM (SELECT id, geom FROM areas WHERE area_set_id = ? OFFSET 0) a"
                    + " CROSS JOIN LATERAL (SELECT d.id FROM " + drawing.table + " d WHERE d.geom && a.geom AND "
                    + COVERS + " OFFSET 0) d GROUP BY d.id)"
                    + " UPDATE " + drawing.table + " t SET area_id = placed.area_id"
                    + " FROM " + drawing.table + " d LEFT JOIN placed ON placed.id = d.id"
                    + " WHERE t.id = d.id AND t.area_id IS DISTINCT FROM placed.area_id");
        }
    }

    private AreaAssignment() {
    }

    /** Places one row, just written or moved, in the newest neighbourhood set. */
    public static void assign(Connection c, Drawing drawing, long id) throws SQLException {
        Sql.update(c, ONE.get(drawing), id);
    }

    /** How many rows of one table changed area, and how many now lie in an area of the set. */
    public record Count(int changed, long inSet) {
    }

    /** Places every row of every table in the set's areas, in the caller's transaction. */
    public static Map<Drawing, Count> assignAll(Connection c, long setId) throws SQLException {
        var counts = new EnumMap<Drawing, Count>(Drawing.class);
        for (Drawing drawing : Drawing.values()) {
            int changed = Sql.update(c, ALL.get(drawing), setId);
            long inSet = Sql.one(c, "SELECT count(*) FROM " + drawing.table + " t JOIN areas a ON a.id = t.area_id"
                    + " WHERE a.area_set_id = ?", rs -> rs.getLong(1), setId).orElseThrow();
            counts.put(drawing, new Count(changed, inSet));
        }
        return counts;
    }

    /** One line for a report: how many drawings lie in the set's areas now. */
    public static String describe(Map<Drawing, Count> counts) {
        return String.format("%,d proposals, %,d variants, %,d pinned comments lie in its areas (%,d, %,d, %,d changed)",
                counts.get(Drawing.PROPOSALS).inSet(), counts.get(Drawing.VARIANTS).inSet(),
                counts.get(Drawing.COMMENTS).inSet(), counts.get(Drawing.PROPOSALS).changed(),
                counts.get(Drawing.VARIANTS).changed(), counts.get(Drawing.COMMENTS).changed());
    }
}
