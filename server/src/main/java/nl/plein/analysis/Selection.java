package nl.plein.analysis;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Viewer;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.http.Choices;
import nl.plein.http.Query;
import nl.plein.projects.ProjectRules;
import nl.plein.proposals.Status;
import nl.plein.proposals.Visibility;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Which contributions a spatial analysis reads: those of a project everyone can see (an analysis
 * shows what everyone can see, whoever asks), filtered by category, status and date range (days in
 * the configured zone). The contributions analysed are proposals (the default) or the pins of
 * evaluations of finished works ({@link Contributions#EVALUATIONS}; query parameter
 * {@code contributions}).
 *
 * <p>A statement reads the selection through Jdbi's templating, the fragments coming from the fixed
 * set of {@link Contributions} and {@link Locations}; {@link #bind} defines them and binds their
 * values (:project, :staff, :viewer, :category, :status, :from, :to, and :srid in an analysis):
 * <ul>
 * <li>{@code <placed>}: the contributions a point analysis reads, as a table to alias: the selected
 * ones with a place (those about the whole area have none), each counted ({@link Locations#ALL}) or
 * one per location ({@link Locations#ONCE}, the lowest id);</li>
 * <li>{@code <selected>}: every selected contribution, with a place or not, as a table to alias;</li>
 * <li>{@code <where>}: the selection as a condition on the alias {@code p};</li>
 * <li>{@code <point>}: a contribution of alias {@code p} as one point (itself, or a point on its line
 * or area, ST_PointOnSurface);</li>
 * <li>{@code <location>}: its location (x, y in the metric CRS :srid, to the millimetre), as a
 * lateral table {@code l};</li>
 * <li>{@code <areas>}: the areas of boundary set :set a contribution of alias {@code p} lies in, as a
 * lateral table of {@code area_id}.</li>
 * </ul>
 * {@link #stacking} says how many share a location and how many have none.
 *
 * @param category null when not filtered on; likewise {@code status}, {@code from}, {@code to}
 * @param locations whether contributions that share a location count each ({@code all}) or once
 */
public record Selection(Contributions contributions, String category, Status status, LocalDate from, LocalDate to,
        Locations locations) {
    /**
     * How contributions at one location count. A location is a contribution's point (itself, or a point
     * on its line or area, ST_PointOnSurface) in the project's metric CRS, to the millimetre: many
     * proposals geocoded to one address, or to the town hall, share one.
     */
    public enum Locations {
        /** Every contribution counts, however many share its location. */
        ALL,
        /** Each location counts once: of the contributions there, the one with the lowest id stands for all. */
        ONCE
    }

    // The proposals' fragments: compile-time constants, so that the enum below reads them whatever
    // the order in which the classes are initialised.
    private static final String PROPOSALS_WHERE = "p.project_id = :project::bigint AND " + Visibility.PROPOSAL_NAMED
            + """

               AND (:category::text IS NULL OR p.category = :category::text)
               AND (:status::text IS NULL OR p.status = :status::text)
               AND (:from::timestamptz IS NULL OR p.created_at >= :from::timestamptz)
               AND (:to::timestamptz IS NULL OR p.created_at < :to::timestamptz)""";
    private static final String GEOMETRY_POINT = "CASE WHEN GeometryType(p.geom) = 'POINT' THEN p.geom"
            + " ELSE ST_PointOnSurface(p.geom) END";
    private static final String LOCATION = "(SELECT ST_X(g) AS x, ST_Y(g) AS y FROM (SELECT ST_SnapToGrid(ST_Transform("
            + GEOMETRY_POINT + ", :srid::integer), 0.001) AS g) s) l";
    private static final String PROPOSAL_AREAS = "(SELECT pl.area_id FROM placements pl WHERE pl.drawing = 'proposal'"
            + " AND pl.drawing_id = p.id AND pl.area_set_id = :set::bigint)";

    // The evaluations' fragments: the pins of evaluations of the project's works, as rows shaped like
    // proposals (id, project_id, geom, title: the work's, category: whether the place is used there,
    // support_count 0, created_at), and only those everyone can see: not hidden, of works with at least
    // :threshold (the small-count threshold) evaluations that count, as on the evaluations' pages. They
    // are numbered by place, not by their own ids: a cluster lists members by id, and an evaluation's id
    // is shown beside its author's name, which would tie the pin to a person.
    private static final String EVALUATION_ROWS = "(SELECT row_number() OVER (ORDER BY ST_X(e.pin), ST_Y(e.pin), e.id)"
            + " AS id, e.project_id, e.pin AS geom, w.title,"
            + " CASE WHEN e.pin_used THEN 'used' ELSE 'not used' END AS category, 0 AS support_count, e.created_at"
            + " FROM evaluations e JOIN works w ON w.id = e.work_id"
            + " WHERE e.project_id = :project::bigint AND e.pin IS NOT NULL AND NOT e.hidden AND (SELECT count(*) FROM evaluations n"
            + " WHERE n.work_id = e.work_id AND NOT n.hidden) >= :threshold::integer)";
    private static final String EVALUATIONS_WHERE = "p.project_id = :project::bigint"
            + "\n   AND (:from::timestamptz IS NULL OR p.created_at >= :from::timestamptz)"
            + "\n   AND (:to::timestamptz IS NULL OR p.created_at < :to::timestamptz)";
    private static final String EVALUATION_AREAS = "(SELECT a.id AS area_id FROM areas a WHERE a.area_set_id = :set::bigint"
            + " AND ST_Covers(a.geom, p.geom) ORDER BY a.id LIMIT 1)";

    /** What kind of contribution is analysed; each kind brings its own fragments. */
    public enum Contributions {
        PROPOSALS("(SELECT p.* FROM proposals p WHERE " + PROPOSALS_WHERE + ")",
                "(SELECT p.* FROM proposals p WHERE " + PROPOSALS_WHERE + "\n AND p.geom IS NOT NULL)",
                "(SELECT DISTINCT ON (l.x, l.y) p.* FROM proposals p CROSS JOIN LATERAL " + LOCATION
                        + " WHERE " + PROPOSALS_WHERE + "\n AND p.geom IS NOT NULL ORDER BY l.x, l.y, p.id)",
                PROPOSALS_WHERE, GEOMETRY_POINT, LOCATION, PROPOSAL_AREAS),
        /**
         * The pins of evaluations of finished works (where a place is used, or not): each a point, placed
         * in the area that covers it (the lowest id where areas overlap), as drawings are.
         */
        EVALUATIONS("(SELECT p.* FROM " + EVALUATION_ROWS + " p WHERE " + EVALUATIONS_WHERE + ")",
                "(SELECT p.* FROM " + EVALUATION_ROWS + " p WHERE " + EVALUATIONS_WHERE + ")",
                "(SELECT DISTINCT ON (l.x, l.y) p.* FROM " + EVALUATION_ROWS + " p CROSS JOIN LATERAL " + LOCATION
                        + " WHERE " + EVALUATIONS_WHERE + " ORDER BY l.x, l.y, p.id)",
                EVALUATIONS_WHERE, GEOMETRY_POINT, LOCATION, EVALUATION_AREAS);

        private final String selected;
        private final Map<Locations, String> placed;
        private final String where;
        private final String point;
        private final String location;
        private final String areas;

        Contributions(String selected, String placedAll, String placedOnce, String where, String point,
                String location, String areas) {
            this.selected = selected;
            this.placed = Map.of(Locations.ALL, placedAll, Locations.ONCE, placedOnce);
            this.where = where;
            this.point = point;
            this.location = location;
            this.areas = areas;
        }

        /** The selection as a condition on the alias {@code p} (the fragment {@code <where>}). */
        public String where() {
            return where;
        }

        /** A contribution of alias {@code p} as one point (the fragment {@code <point>}). */
        public String point() {
            return point;
        }
    }

    /** Parameters of an analysis that reads a selection: its method text then says what was analysed. */
    public interface Reads {
        Selection selection();
    }

    /** What the method text of an analysis of evaluation pins adds: the analysed points are pins, not proposals. */
    public static final String EVALUATIONS_ANALYSED = "The contributions analysed are the pins of evaluations of"
            + " finished works (where residents say the place is used, or not), of works with at least the small-count"
            + " threshold of evaluations, hidden ones left out; where the text says proposals, read pins; the category"
            + " is whether the place is used there (server/METHODS.md §13).";

    private static final String POINTS = Jdbis.sql(Selection.class, "points.sql");
    private static final String STACKING = Jdbis.sql(Selection.class, "stacking.sql");

    /** The query parameter that says how contributions sharing a location count: {@code all} (default) or {@code once}. */
    public static final String LOCATIONS = "locations";

    /** The query parameter that says which contributions are analysed: {@code proposals} (default) or {@code evaluations}. */
    public static final String CONTRIBUTIONS = "contributions";

    /** The query parameters {@link #from(Query, ProjectRules)} reads. */
    public static final List<String> PARAMETERS = List.of(CONTRIBUTIONS, "category", "status", "from", "to", LOCATIONS);

    /** For requests that take no filters: all the project's proposals everyone can see, each counted. */
    public static final Selection ALL = new Selection(Contributions.PROPOSALS, null, null, null, null, Locations.ALL);

    /**
     * The contributions of a request: which kind; for proposals category (checked against the
     * project's) and status; from, to; and locations.
     */
    public static Selection from(Query query, ProjectRules rules) {
        var contributions = query.choice(CONTRIBUTIONS, Contributions.class).orElse(Contributions.PROPOSALS);
        String category = query.text("category", 100).orElse(null);
        Status status = query.choice("status", Status.class).orElse(null);
        var dates = query.dateRange();
        if (category != null && !rules.categories().contains(category)) {
            throw ApiError.invalid("category", "this project has no category '" + category + "'");
        }
        if (contributions == Contributions.EVALUATIONS && (category != null || status != null)) {
            throw ApiError.invalid(category != null ? "category" : "status",
                    "applies to proposals only, not to contributions=evaluations");
        }
        return new Selection(contributions, category, status, dates.from(), dates.to(), locations(query));
    }

    /** Every proposal anyone sees, unfiltered, with locations counted as the query's {@code locations} says. */
    public static Selection unfiltered(Query query) {
        return ALL.counting(locations(query));
    }

    private static Locations locations(Query query) {
        return query.choice(LOCATIONS, Locations.class).orElse(Locations.ALL);
    }

    /** This selection with locations counted as given. */
    public Selection counting(Locations locations) {
        return new Selection(contributions, category, status, from, to, locations);
    }

    public boolean filtered() {
        return category != null || status != null || from != null || to != null;
    }

    /**
     * Defines the fragments ({@code <placed>}, {@code <selected>}, {@code <where>}, {@code <point>},
     * {@code <location>}) on a statement and binds the selection's values for the project, days
     * counted in {@code zone}. A statement that reads {@code <placed>} or {@code <location>} needs
     * :srid too ({@link #bind(SqlStatement, Analyses.Run)}).
     */
    public <S extends SqlStatement<S>> S bind(S statement, long projectId, ZoneId zone) {
        return statement.define("placed", contributions.placed.get(locations))
                .define("selected", contributions.selected)
                .define("where", contributions.where)
                .define("point", contributions.point)
                .define("location", contributions.location)
                .define("areas", contributions.areas)
                .bind("project", projectId)
                .bind("staff", Viewer.ANONYMOUS.isStaff())
                .bind("viewer", Viewer.ANONYMOUS.idOrNone())
                .bind("category", category)
                .bind("status", status == null ? null : Choices.wire(status))
                .bindByType("from", from == null ? null : from.atStartOfDay(zone).toOffsetDateTime(),
                        OffsetDateTime.class)
                .bindByType("to", to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime(),
                        OffsetDateTime.class);
    }

    /**
     * {@link #bind(SqlStatement, long, ZoneId)} in an analysis's run, with its metric CRS as :srid and
     * the small-count threshold as :threshold (evaluation pins are analysed only where everyone sees them).
     */
    public <S extends SqlStatement<S>> S bind(S statement, Analyses.Run run) {
        return bind(statement, run.projectId(), run.zone()).bind("srid", run.srid()).bind("threshold", run.threshold());
    }

    /**
     * What the selection holds besides the analysed points: the contributions at shared locations and
     * the number of such locations (counting every contribution, whatever {@link #locations}), those
     * left out for having no particular place, and how {@link #locations} counted.
     */
    public record Stacking(long sharedProposals, long sharedLocations, long wholeArea, Locations locations) {
        /** The contributions left out by counting each shared location once. */
        public long repeatsLeftOut() {
            return locations == Locations.ONCE ? sharedProposals - sharedLocations : 0;
        }
    }

    /** How the selected contributions of the run's project sit, their locations in its metric CRS. */
    public Stacking stacking(Analyses.Run run) {
        return bind(run.handle().createQuery(STACKING), run)
                .map((rs, ctx) -> new Stacking(rs.getLong("shared_proposals"), rs.getLong("shared_locations"),
                        rs.getLong("whole_area"), locations))
                .one();
    }

    /** The analysed contributions as points {x[], y[]} in the run's metric CRS. */
    public double[][] points(Analyses.Run run) {
        var xy = bind(run.handle().createQuery(POINTS), run)
                .map((rs, ctx) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .list();
        double[][] out = new double[2][xy.size()];
        for (int k = 0; k < xy.size(); k++) {
            out[0][k] = xy.get(k)[0];
            out[1][k] = xy.get(k)[1];
        }
        return out;
    }
}
