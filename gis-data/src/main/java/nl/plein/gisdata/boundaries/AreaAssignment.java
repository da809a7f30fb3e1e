package nl.plein.gisdata.boundaries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one rule that places a drawing in an area: the area of a boundary set that covers a point
 * inside the drawing (ST_PointOnSurface, so lines and areas count where they are, not at a centroid
 * that may fall outside them); the lowest id where areas of one set overlap. Placements live in the
 * narrow table {@code placements}, one row per drawing and set: a drawing is placed in every set
 * when it is written or moved, and a whole set is placed at once when it arrives. A drawing no area
 * covers, and a comment without a pin, has no row.
 */
public final class AreaAssignment {
    /** The tables whose rows carry a drawing: the only names this class puts in SQL. */
    public enum Drawing {
        PROPOSALS("proposals", "proposal"), VARIANTS("variants", "variant"), COMMENTS("comments", "comment");

        private final String table;
        private final String key;

        Drawing(String table, String key) {
            this.table = table;
            this.key = key;
        }

        /** The value of {@code placements.drawing} for this kind. */
        public String key() {
            return key;
        }
    }

    /** The rule itself: area {@code a} holds drawing {@code d}. Every statement below is built on it. */
    private static final String COVERS = "ST_Covers(a.geom, ST_PointOnSurface(d.geom))";

    private static final String UNPLACE_ONE = "DELETE FROM placements WHERE drawing = ? AND drawing_id = ?";

    /**
     * Placing one drawing and placing a whole set wait for each other through this transaction-level
     * advisory lock: a writer holds it shared from placing its drawing until it commits; placing a
     * set holds it exclusively from writing its placements until it commits. Without it, a set's
     * placement computed from a drawing's old shape could overwrite the placement its mover had just
     * given it (see {@link #assignAll}).
     */
    private static final long PLACING = 0x706c6163696e67L; // "placing"
    private static final String PLACING_SHARED = "SELECT pg_advisory_xact_lock_shared(" + PLACING + ")";
    private static final String PLACING_EXCLUSIVE = "SELECT pg_advisory_xact_lock(" + PLACING + ")";

    private static final Map<Drawing, String> PLACE_ONE = new EnumMap<>(Drawing.class);
    private static final Map<Drawing, String> PLACE_SET = new EnumMap<>(Drawing.class);
    private static final Map<Drawing, String> PLACE_CHANGED = new EnumMap<>(Drawing.class);
    private static final Map<Drawing, String> UPSERT = new EnumMap<>(Drawing.class);
    private static final Map<Drawing, String> REMOVE_GONE = new EnumMap<>(Drawing.class);

    /**
     * The earliest time a drawing changed after this moment may carry as updated_at: writers set it
     * to their transaction's start, so it is the start of the oldest other transaction now open, or
     * now when none is (the server's sessions all use one database role, so all are visible here).
     */
    private static final String CHANGED_SINCE = """
            SELECT coalesce(min(xact_start), clock_timestamp()) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL""";

    static {
        for (Drawing drawing : Drawing.values()) {
            // One drawing, every set: the GiST index on areas.geom finds the few candidate areas.
            PLACE_ONE.put(drawing, "INSERT INTO placements (drawing, drawing_id, area_set_id, area_id)"
                    + " SELECT '" + drawing.key + "', d.id, a.area_set_id, min(a.id) FROM " + drawing.table + " d"
                    + " JOIN areas a ON " + COVERS + " WHERE d.id = ? GROUP BY d.id, a.area_set_id");
            // Every drawing, one set: each drawing's point on surface joined, through a GiST index, with the
            // set's areas cut into pieces of at most 64 vertices (PIECES): a piece's box is tight and its
            // test cheap, where a whole area's box overlaps many others and its test may walk thousands of
            // vertices. A point an area covers is covered by one of its pieces (a point on a cut lies on
            // the edge of both), so the rule is the same; on 1.29 million drawings in CBS's 3,475 wijken
            // this gave exactly the placements of testing whole areas, in a fifth of the time. As a join
            // grouped by drawing it is about twice as fast as a lookup per drawing.
            // Every drawing looked at is kept, placed or not (area_id NULL), so that only placements of
            // drawings looked at are removed: one written meanwhile keeps the placement its writer gave it.
            PLACE_SET.put(drawing, "CREATE TEMPORARY TABLE placed_" + drawing.key + " ON COMMIT DROP AS"
                    + " SELECT d.id AS drawing_id, min(a.area_id) AS area_id FROM " + drawing.table + " d"
                    + " LEFT JOIN area_pieces a ON " + COVERS + " GROUP BY d.id");
            // The drawings written or changed since they were looked at (their updated_at, through its index),
            // looked at again as they are now: every writer of a drawing has committed by then (PLACING).
            PLACE_CHANGED.put(drawing, "INSERT INTO placed_" + drawing.key + " (drawing_id, area_id)"
                    + " SELECT d.id, min(a.area_id) FROM " + drawing.table + " d LEFT JOIN area_pieces a ON " + COVERS
                    + " WHERE d.updated_at >= ? GROUP BY d.id"
                    + " ON CONFLICT (drawing_id) DO UPDATE SET area_id = excluded.area_id");
            // Rows that are already right are not written again, so placing a set twice changes nothing.
            UPSERT.put(drawing, "INSERT INTO placements (drawing, drawing_id, area_set_id, area_id)"
                    + " SELECT '" + drawing.key + "', p.drawing_id, ?, p.area_id FROM placed_" + drawing.key + " p"
                    + " WHERE p.area_id IS NOT NULL"
                    + " ON CONFLICT (drawing, drawing_id, area_set_id) DO UPDATE SET area_id = excluded.area_id"
                    + " WHERE placements.area_id IS DISTINCT FROM excluded.area_id");
            REMOVE_GONE.put(drawing, "DELETE FROM placements pl USING placed_" + drawing.key + " p"
                    + " WHERE pl.area_set_id = ? AND pl.drawing = '" + drawing.key + "'"
                    + " AND pl.drawing_id = p.drawing_id AND p.area_id IS NULL");
        }
    }

    private static final String PIECES = """
            CREATE TEMPORARY TABLE area_pieces ON COMMIT DROP AS
            SELECT id AS area_id, ST_Subdivide(geom, 64) AS geom FROM areas WHERE area_set_id = ?""";

    private AreaAssignment() {
    }

    /**
     * Places one row, just written or moved, in every boundary set. Runs in the writer's transaction,
     * after the row is written; a set being placed meanwhile waits for that transaction to commit.
     */
    public static void assign(Connection c, Drawing drawing, long id) throws SQLException {
        try (Statement lock = c.createStatement();
             PreparedStatement delete = c.prepareStatement(UNPLACE_ONE);
             PreparedStatement insert = c.prepareStatement(PLACE_ONE.get(drawing))) {
            lock.execute(PLACING_SHARED);
            delete.setString(1, drawing.key);
            delete.setLong(2, id);
            delete.executeUpdate();
            insert.setLong(1, id);
            insert.executeUpdate();
        }
    }

    /** How many placements of one kind changed, and how many drawings of that kind now lie in the set. */
    public record Count(long changed, long inSet) {
    }

    /**
     * Places every drawing in the set's areas. Runs in the caller's transaction; the caller commits.
     * Drawings whose area stays the same are not written again.
     *
     * <p>First every drawing is looked at, without holding anything up: for a million drawings this
     * takes most of the time. Then, under the exclusive {@code PLACING} lock, which waits for every
     * writer that has placed a drawing to commit and makes later ones wait for this transaction, the
     * drawings written or changed since the look began (by updated_at) are looked at again as they
     * are now, and the placements are written. A drawing moved meanwhile thus gets the area of its
     * new shape, and one moved later is placed again by its writer, after this commits.
     */
    public static Map<Drawing, Count> assignAll(Connection c, long setId) throws SQLException {
        var counts = new EnumMap<Drawing, Count>(Drawing.class);
        OffsetDateTime since;
        try (PreparedStatement pieces = c.prepareStatement(PIECES); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(CHANGED_SINCE)) {
                rs.next();
                since = rs.getObject(1, OffsetDateTime.class);
            }
            pieces.setLong(1, setId);
            pieces.executeUpdate();
            st.execute("CREATE INDEX ON area_pieces USING gist (geom)");
            st.execute("ANALYZE area_pieces");
            for (Drawing drawing : Drawing.values()) {
                st.execute(PLACE_SET.get(drawing));
                // A temporary table has no statistics until analysed; without them the planner may compare
                // every placement with every row of it (a nested loop over a million squared).
                st.execute("ALTER TABLE placed_" + drawing.key + " ADD PRIMARY KEY (drawing_id)");
                st.execute("ANALYZE placed_" + drawing.key);
            }
            st.execute(PLACING_EXCLUSIVE);
        }
        for (Drawing drawing : Drawing.values()) {
            try (Statement st = c.createStatement();
                 PreparedStatement again = c.prepareStatement(PLACE_CHANGED.get(drawing));
                 PreparedStatement upsert = c.prepareStatement(UPSERT.get(drawing));
                 PreparedStatement remove = c.prepareStatement(REMOVE_GONE.get(drawing))) {
                again.setObject(1, since);
                again.executeUpdate();
                upsert.setLong(1, setId);
                long changed = upsert.executeUpdate();
                remove.setLong(1, setId);
                changed += remove.executeUpdate();
                long inSet;
                // What was looked at, changed drawings looked at again: every drawing, as it is now.
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM placed_" + drawing.key
                        + " WHERE area_id IS NOT NULL")) {
                    rs.next();
                    inSet = rs.getLong(1);
                }
                st.execute("DROP TABLE placed_" + drawing.key);
                counts.put(drawing, new Count(changed, inSet));
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE area_pieces");
        }
        return counts;
    }

    /** One line for a report: how many drawings lie in the set's areas now. */
    public static String describe(Map<Drawing, Count> counts) {
        return String.format(Locale.ROOT,
                "%,d proposals, %,d variants, %,d pinned comments lie in its areas (%,d, %,d, %,d placements changed)",
                counts.get(Drawing.PROPOSALS).inSet(), counts.get(Drawing.VARIANTS).inSet(),
                counts.get(Drawing.COMMENTS).inSet(), counts.get(Drawing.PROPOSALS).changed(),
                counts.get(Drawing.VARIANTS).changed(), counts.get(Drawing.COMMENTS).changed());
    }
}
