package nl.plein.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.plein.db.NamedSql;
import nl.plein.clusters.ClusterRoutes;
import nl.plein.db.Sql;
import nl.plein.hotspots.HotSpotCells;
import nl.plein.http.Json;
import nl.plein.http.Query;
import nl.plein.proposals.Visibility;

/** The catalogue of collections and their features, as PostGIS serialises them. */
public final class FeatureStore {
    /** What a collection holds: the prefix of its id, the statement that pages through it, its own parameters. */
    enum Kind {
        PROPOSALS("proposals", "proposals", null), VARIANTS("variants", "variants", null),
        /** The pinned ones (with a drawing) of the comments anyone sees; an export holds them all. */
        COMMENTS("comments", "comments", "geom IS NOT NULL"),
        /** DBSCAN clusters, shaped by eps and minPoints as on the analysis page. */
        CLUSTERS("clusters", "computed", null, ClusterRoutes.PARAMETERS),
        /** Gi* over hexagons, shaped by the hexagons' size as on the analysis page. */
        HOTSPOTS("hotspots", "computed", null, HotSpotCells.PARAMETERS),
        AREAS("areas", "areas", null),
        /** Named by project and boundary set: participation-{projectId}-{setId}. */
        PARTICIPATION("participation", "participation", null);

        final String prefix;
        final NamedSql items;
        /** Every feature of an owner {@code :owner}, as the statement and the condition give them. */
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
            String source = Sql.load(FeatureStore.class, statement + ".sql");
            if (only != null) {
                source = "SELECT * FROM (" + source + "\n) f WHERE f." + only;
            }
            this.source = source.replace("%VISIBLE%", Visibility.PROPOSAL_NAMED);
            this.items = NamedSql.of(Sql.load(FeatureStore.class, "items.sql").replace("%SOURCE%", this.source));
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

    private static final String NUMBER = "-([1-9][0-9]{0,17})";
    private static final Pattern COLLECTION_ID = Pattern.compile("(" + Arrays.stream(Kind.values())
            .filter(k -> k != Kind.PARTICIPATION).map(k -> k.prefix).collect(Collectors.joining("|")) + ")" + NUMBER
            + "|(participation)" + NUMBER + NUMBER);
    private static final NamedSql COLLECTIONS = NamedSql.of(Sql.load(FeatureStore.class, "collections.sql")
            .replace("%TIMES%", times()));

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

    /** One page of features, already GeoJSON text, and how many features match in all. */
    public record Page(long matched, List<String> features) {
    }

    private final DataSource dataSource;
    private final ParticipationFigures participation;
    private final Map<Kind, Computed> computed;

    public FeatureStore(DataSource dataSource, ParticipationFigures participation, Computed clusters,
            Computed hotspots) {
        this.dataSource = dataSource;
        this.participation = participation;
        this.computed = Map.of(Kind.CLUSTERS, clusters, Kind.HOTSPOTS, hotspots);
    }

    public List<Collection> collections() {
        return read(null);
    }

    public Optional<Collection> collection(String id) {
        return COLLECTION_ID.matcher(id).matches() ? read(id).stream().findFirst() : Optional.empty();
    }

    private List<Collection> read(String id) {
        var values = new HashMap<String, Object>();
        values.put("id", id);
        values.put("staff", false);
        values.put("viewer", -1L);
        return Sql.read(dataSource, c -> Sql.list(c, COLLECTIONS.sql(), rs -> new Collection(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getObject(4) == null ? null
                : new double[] {rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7)},
                rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class)),
                COLLECTIONS.bind(values)));
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

    /**
     * A page of an existing collection's features; {@code item} narrows it to one feature, and
     * {@code query} holds the collection's own parameters.
     */
    public Page items(String collectionId, ItemsRequest request, Long item, Query query) {
        var matcher = matcher(collectionId);
        Kind kind = kind(matcher);
        boolean perSet = kind == Kind.PARTICIPATION;
        long owner = Long.parseLong(matcher.group(perSet ? 4 : 2));
        double[] box = request.box();
        var values = new HashMap<String, Object>();
        values.put("owner", owner);
        if (perSet) {
            long set = Long.parseLong(matcher.group(5));
            values.put("set", set);
            values.put("figures", participation.byArea(owner, set));
        }
        if (computed.containsKey(kind)) {
            values.put("features", Json.write(computed.get(kind).features(owner, query)));
        }
        values.put("item", item);
        values.put("staff", false);
        values.put("viewer", -1L);
        values.put("minx", box == null ? null : box[0]);
        values.put("miny", box == null ? null : box[1]);
        values.put("maxx", box == null ? null : box[2]);
        values.put("maxy", box == null ? null : box[3]);
        values.put("boxsrid", request.boxCrs().srid());
        values.put("since", request.from());
        values.put("before", request.until());
        values.put("srid", request.crs().srid());
        values.put("flip", request.crs().latitudeFirst());
        values.put("decimals", request.crs().decimals());
        values.put("limit", request.limit());
        values.put("offset", request.offset());
        return Sql.read(dataSource, c -> Sql.one(c, kind.items.sql(), rs -> new Page(rs.getLong(1),
                List.of((String[]) rs.getArray(2).getArray())), kind.items.bind(values))).orElseThrow();
    }
}
