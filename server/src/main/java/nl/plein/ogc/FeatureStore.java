package nl.plein.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.plein.accounts.Viewer;
import nl.plein.clusters.ClusterParameters;
import nl.plein.db.Jdbis;
import nl.plein.hotspots.HotSpotCells;
import nl.plein.http.Json;
import nl.plein.http.Query;
import nl.plein.proposals.Visibility;
import org.jdbi.v3.core.Jdbi;

/**
 * The catalogue of collections and their features, as PostGIS serialises them. Each kind of
 * collection reads its features through its own statement ({@code proposals.sql}, {@code areas.sql},
 * ...), which {@code items.sql} pages through where it says {@code <source>}: the only text put into
 * a statement is one of these fixed sources.
 */
public final class FeatureStore {
    /** What a collection holds: the prefix of its id, the statement of its features, its own parameters. */
    enum Kind {
        PROPOSALS("proposals", "proposals", null), VARIANTS("variants", "variants", null),
        /** The pinned ones (with a drawing) of the comments anyone sees; an export holds them all. */
        COMMENTS("comments", "comments", "geom IS NOT NULL"),
        /** DBSCAN clusters, shaped by eps and minPoints as on the analysis page. */
        CLUSTERS("clusters", "computed", null, ClusterParameters.PARAMETERS),
        /** Gi* over hexagons, shaped by the hexagons' size as on the analysis page. */
        HOTSPOTS("hotspots", "computed", null, HotSpotCells.PARAMETERS),
        AREAS("areas", "areas", null),
        /** Named by project and boundary set: participation-{projectId}-{setId}. */
        PARTICIPATION("participation", "participation", null);

        final String prefix;
        /**
         * Every feature of an owner {@code :owner}, as the statement and the condition give them, the
         * proposals' visibility rule in place of {@code <visible>} (composed here, from constants: Jdbi
         * does not template a defined fragment again).
         */
        final String source;
        /** Query parameters this kind takes besides those of every collection. */
        final List<String> parameters;

        Kind(String prefix, String statement, String only) {
            this(prefix, statement, only, List.of());
        }

        /** @param only a condition on the rows of {@code statement.sql}, or null for all of them */
        Kind(String prefix, String statement, String only, List<String> parameters) {
            this.prefix = prefix;
            this.parameters = parameters;
            String source = Jdbis.sql(FeatureStore.class, statement + ".sql");
            if (only != null) {
                source = "SELECT * FROM (" + source + "\n) f WHERE f." + only;
            }
            this.source = source.replace("<visible>", Visibility.PROPOSAL_NAMED);
        }

        /** Whether the features have a time of their own (created_at), which datetime narrows. */
        boolean timed() {
            return this == PROPOSALS || this == VARIANTS || this == COMMENTS;
        }
    }

    /** Features a project's analysis computes, GeoJSON in CRS84 with numeric ids, shaped by the request's own parameters. */
    public interface Computed {
        JsonNode features(long projectId, Query query);
    }

    /** The public participation figures per area of a set, a JSON object from area id to figures. */
    public interface Figures {
        String byArea(long projectId, long setId);
    }

    private static final String NUMBER = "-([1-9][0-9]{0,17})";
    private static final Pattern COLLECTION_ID = Pattern.compile("(" + Arrays.stream(Kind.values())
            .filter(k -> k != Kind.PARTICIPATION).map(k -> k.prefix).collect(Collectors.joining("|")) + ")" + NUMBER
            + "|(participation)" + NUMBER + NUMBER);
    private static final String COLLECTIONS = Jdbis.sql(FeatureStore.class, "collections.sql");
    private static final String ITEMS = Jdbis.sql(FeatureStore.class, "items.sql");
    private static final String TIMES = times();

    /**
     * The first and last creation time of each collection whose features have one: every project
     * through that kind's own statement (its :owner the project), or only the project :id names.
     */
    private static String times() {
        return Arrays.stream(Kind.values()).filter(Kind::timed).map(k -> "SELECT '" + k.prefix + "-' || pr.id AS id,"
                + " min(f.created_at) AS first, max(f.created_at) AS last FROM projects pr CROSS JOIN LATERAL ("
                + k.source.replace(":owner", "pr.id") + "\n) f WHERE :id::text IS NULL OR :id::text = '" + k.prefix
                + "-' || pr.id GROUP BY pr.id").collect(Collectors.joining("\nUNION ALL\n"));
    }

    /**
     * A collection as {@code /collections} describes it; the extent is in CRS84, and the first and
     * last creation time of its features are null where they have none.
     */
    public record Collection(String id, String title, String description, double[] extent, OffsetDateTime first,
            OffsetDateTime last) {
    }

    /** One page of features, already GeoJSON text as PostGIS wrote it, and how many features match in all. */
    public record Page(long matched, List<String> features) {
    }

    private final Jdbi jdbi;
    private final Figures participation;
    private final Computed clusters;
    private final Computed hotspots;

    public FeatureStore(Jdbi jdbi, Figures participation, Computed clusters, Computed hotspots) {
        this.jdbi = jdbi;
        this.participation = participation;
        this.clusters = clusters;
        this.hotspots = hotspots;
    }

    public List<Collection> collections() {
        return read(null);
    }

    public Optional<Collection> collection(String id) {
        return COLLECTION_ID.matcher(id).matches() ? read(id).stream().findFirst() : Optional.empty();
    }

    /** Every collection, or only the one {@code id} names; what anyone may see (the rule with no viewer). */
    private List<Collection> read(String id) {
        return jdbi.withHandle(h -> h.createQuery(COLLECTIONS)
                .define("times", TIMES)
                .bind("id", id)
                .bind("staff", Viewer.ANONYMOUS.isStaff())
                .bind("viewer", Viewer.ANONYMOUS.idOrNone())
                .map((rs, ctx) -> new Collection(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4) == null ? null
                        : new double[] {rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7)},
                        rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class)))
                .list());
    }

    /** The query parameters a collection takes besides those of every collection (none for most). */
    public List<String> parameters(String collectionId) {
        return kind(collectionId).parameters;
    }

    private static Kind kind(String collectionId) {
        return kind(matcher(collectionId));
    }

    private static Kind kind(Matcher matcher) {
        return matcher.group(3) != null ? Kind.PARTICIPATION : Arrays.stream(Kind.values())
                .filter(k -> k.prefix.equals(matcher.group(1))).findFirst().orElseThrow();
    }

    private static Matcher matcher(String collectionId) {
        var matcher = COLLECTION_ID.matcher(collectionId);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a collection id: " + collectionId);
        }
        return matcher;
    }

    /** The features an analysis computes for the collection's owner, as JSON text; null for other kinds. */
    private String computed(Kind kind, long owner, Query query) {
        return switch (kind) {
            case CLUSTERS -> Json.write(clusters.features(owner, query));
            case HOTSPOTS -> Json.write(hotspots.features(owner, query));
            default -> null;
        };
    }

    /**
     * A page of an existing collection's features; {@code item} narrows it to one feature, and
     * {@code query} holds the collection's own parameters.
     */
    public Page items(String collectionId, ItemsRequest request, Long item, Query query) {
        var matcher = matcher(collectionId);
        Kind kind = kind(matcher);
        boolean perSet = kind == Kind.PARTICIPATION;
        long owner = Long.parseLong(matcher.group(perSet ? 4 : 2));
        Long set = perSet ? Long.valueOf(matcher.group(5)) : null;
        String figures = perSet ? participation.byArea(owner, set) : null;
        String features = computed(kind, owner, query);
        double[] box = request.box();
        return jdbi.withHandle(h -> h.createQuery(ITEMS)
                .define("source", kind.source)
                .bind("owner", owner)
                .bind("set", set)
                .bind("figures", figures)
                .bind("features", features)
                .bind("item", item)
                .bind("staff", Viewer.ANONYMOUS.isStaff())
                .bind("viewer", Viewer.ANONYMOUS.idOrNone())
                .bind("minx", box == null ? null : box[0])
                .bind("miny", box == null ? null : box[1])
                .bind("maxx", box == null ? null : box[2])
                .bind("maxy", box == null ? null : box[3])
                .bind("boxsrid", request.boxCrs().srid())
                .bind("since", request.from())
                .bind("before", request.until())
                .bind("srid", request.crs().srid())
                .bind("flip", request.crs().latitudeFirst())
                .bind("decimals", request.crs().decimals())
                .bind("limit", request.limit())
                .bind("offset", request.offset())
                .map((rs, ctx) -> new Page(rs.getLong(1), List.of((String[]) rs.getArray(2).getArray())))
                .one());
    }
}
