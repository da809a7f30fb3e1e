package nl.plein.areas;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import nl.plein.db.Jdbis;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The one rule that places a drawing in an area: the area of a boundary set that covers a point
 * inside the drawing (ST_PointOnSurface, so lines and areas count where they are, not at a centroid
 * that may fall outside them); the lowest id where areas of one set overlap. Placements live in the
 * narrow table {@code placements}, one row per drawing and set: a drawing is placed in every set
 * when it is written or moved, and a whole set is placed at once when it arrives. A drawing no area
 * covers, and a comment without a pin, has no row. Every method runs on the caller's Jdbi
 * {@link Handle}, in its transaction.
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

        /**
         * Defines this kind's fragments: {@code <table>} (its table), {@code <placed>} (its temporary
         * table while a set is placed) and {@code <covers>} (the rule). A statement that names
         * {@code :drawing} binds {@link #key()} itself.
         */
        <S extends SqlStatement<S>> S apply(S statement) {
            return statement.define("table", table).define("placed", "placed_" + key).define("covers", COVERS);
        }
    }

    /** The rule itself: area {@code a} holds drawing {@code d}. Every placing statement is built on it. */
    private static final String COVERS = "ST_Covers(a.geom, ST_PointOnSurface(d.geom))";

    private static final String UNPLACE_ONE = Jdbis.sql(AreaAssignment.class, "unplace-one.sql");
    private static final String PLACE_ONE = Jdbis.sql(AreaAssignment.class, "place-one.sql");
    private static final String CHANGED_SINCE = Jdbis.sql(AreaAssignment.class, "changed-since.sql");
    private static final String PIECES = Jdbis.sql(AreaAssignment.class, "pieces.sql");
    private static final String PLACE_SET = Jdbis.sql(AreaAssignment.class, "place-set.sql");
    private static final String PLACE_CHANGED = Jdbis.sql(AreaAssignment.class, "place-changed.sql");
    private static final String UPSERT = Jdbis.sql(AreaAssignment.class, "upsert-placed.sql");
    private static final String REMOVE_GONE = Jdbis.sql(AreaAssignment.class, "remove-gone.sql");

    /**
     * Placing one drawing and placing a whole set wait for each other through this transaction-level
     * advisory lock: a writer holds it shared from placing its drawing until it commits; placing a
     * set holds it exclusively from writing its placements until it commits. Without it, a set's
     * placement computed from a drawing's old shape could overwrite the placement its mover had just
     * given it (see {@link #assignAll}).
     */
    private static final long PLACING = 0x706c6163696e67L; // "placing"
    private static final String PLACING_SHARED = Jdbis.sql(AreaAssignment.class, "placing-shared.sql");
    private static final String PLACING_EXCLUSIVE = Jdbis.sql(AreaAssignment.class, "placing-exclusive.sql");
    private static final String PLACED_COUNT = Jdbis.sql(AreaAssignment.class, "placed-count.sql");

    private AreaAssignment() {
    }

    /**
     * Places one row, just written or moved, in every boundary set. Runs in the writer's transaction,
     * after the row is written; a set being placed meanwhile waits for that transaction to commit.
     */
    public static void assign(Handle h, Drawing drawing, long id) {
        h.createUpdate(PLACING_SHARED).bind("placing", PLACING).execute();
        h.createUpdate(UNPLACE_ONE).bind("drawing", drawing.key).bind("id", id).execute();
        drawing.apply(h.createUpdate(PLACE_ONE)).bind("drawing", drawing.key).bind("id", id).execute();
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
    public static Map<Drawing, Count> assignAll(Handle h, long setId) {
        var counts = new EnumMap<Drawing, Count>(Drawing.class);
        OffsetDateTime since = h.createQuery(CHANGED_SINCE)
                .map((rs, ctx) -> rs.getObject(1, OffsetDateTime.class)).one();
        h.createUpdate(PIECES).bind("set", setId).execute();
        h.execute("CREATE INDEX ON area_pieces USING gist (geom)");
        h.execute("ANALYZE area_pieces");
        for (Drawing drawing : Drawing.values()) {
            drawing.apply(h.createUpdate(PLACE_SET)).execute();
            // A temporary table has no statistics until analysed; without them the planner may compare
            // every placement with every row of it (a nested loop over a million squared).
            drawing.apply(h.createUpdate("ALTER TABLE <placed> ADD PRIMARY KEY (drawing_id)")).execute();
            drawing.apply(h.createUpdate("ANALYZE <placed>")).execute();
        }
        h.createUpdate(PLACING_EXCLUSIVE).bind("placing", PLACING).execute();
        for (Drawing drawing : Drawing.values()) {
            drawing.apply(h.createUpdate(PLACE_CHANGED)).bind("since", since).execute();
            long changed = drawing.apply(h.createUpdate(UPSERT)).bind("drawing", drawing.key)
                    .bind("set", setId).execute();
            changed += drawing.apply(h.createUpdate(REMOVE_GONE)).bind("drawing", drawing.key)
                    .bind("set", setId).execute();
            // What was looked at, changed drawings looked at again: every drawing, as it is now.
            long inSet = drawing.apply(h.createQuery(PLACED_COUNT))
                    .mapTo(Long.class).one();
            drawing.apply(h.createUpdate("DROP TABLE <placed>")).execute();
            counts.put(drawing, new Count(changed, inSet));
        }
        h.execute("DROP TABLE area_pieces");
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
