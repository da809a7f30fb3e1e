package nl.plein.ogc;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.plein.db.NamedSql;
import nl.plein.db.Sql;
import nl.plein.proposals.Visibility;

/** The catalogue of collections and their features, as PostGIS serialises them. */
public final class FeatureStore {
    /** What a collection holds: the prefix of its id, and the statement that pages through it. */
    enum Kind {
        PROPOSALS("proposals", null), VARIANTS("variants", null),
        /** The pinned ones (with a drawing) of the comments anyone sees; an export holds them all. */
        COMMENTS("comments", "geom IS NOT NULL"),
        AREAS("areas", null),
        /** Named by project and boundary set: participation-{projectId}-{setId}. */
        PARTICIPATION("participation", null);

        final String prefix;
        final NamedSql items;

        /** @param only a condition on the rows of {@code prefix.sql}, or null for all of them */
        Kind(String prefix, String only) {
            this.prefix = prefix;
            String source = Sql.load(FeatureStore.class, prefix + ".sql");
            if (only != null) {
                source = "SELECT * FROM (" + source + "\n) f WHERE f." + only;
            }
            this.items = NamedSql.of(Sql.load(FeatureStore.class, "items.sql")
                    .replace("%SOURCE%", source)
                    .replace("%VISIBLE%", Visibility.PROPOSAL_NAMED));
        }
    }

    private static final String NUMBER = "-([1-9][0-9]{0,17})";
    private static final Pattern COLLECTION_ID = Pattern.compile("(" + Arrays.stream(Kind.values())
            .filter(k -> k != Kind.PARTICIPATION).map(k -> k.prefix).collect(Collectors.joining("|")) + ")" + NUMBER
            + "|(participation)" + NUMBER + NUMBER);
    private static final NamedSql COLLECTIONS = NamedSql.of(Sql.load(FeatureStore.class, "collections.sql"));

    /** A collection as {@code /collections} describes it; the extent is in CRS84. */
    public record Collection(String id, String title, String description, double[] extent) {
    }

    /** One page of features, already GeoJSON text, and how many features match in all. */
    public record Page(long matched, List<String> features) {
    }

    private final DataSource dataSource;
    private final ParticipationFigures participation;

    public FeatureStore(DataSource dataSource, ParticipationFigures participation) {
        this.dataSource = dataSource;
        this.participation = participation;
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
        return Sql.read(dataSource, c -> Sql.list(c, COLLECTIONS.sql(), rs -> new Collection(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getObject(4) == null ? null
                : new double[] {rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7)}),
                COLLECTIONS.bind(values)));
    }

    /** A page of an existing collection's features; {@code item} narrows it to one feature. */
    public Page items(String collectionId, ItemsRequest request, Long item) {
        var matcher = COLLECTION_ID.matcher(collectionId);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a collection id: " + collectionId);
        }
        boolean perSet = matcher.group(3) != null;
        Kind kind = perSet ? Kind.PARTICIPATION
                : Arrays.stream(Kind.values()).filter(k -> k.prefix.equals(matcher.group(1))).findFirst().orElseThrow();
        long owner = Long.parseLong(matcher.group(perSet ? 4 : 2));
        double[] box = request.box();
        var values = new HashMap<String, Object>();
        values.put("owner", owner);
        if (perSet) {
            long set = Long.parseLong(matcher.group(5));
            values.put("set", set);
            values.put("figures", participation.byArea(owner, set));
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
        values.put("decimals", request.crs().decimals());
        values.put("limit", request.limit());
        values.put("offset", request.offset());
        return Sql.read(dataSource, c -> Sql.one(c, kind.items.sql(), rs -> new Page(rs.getLong(1),
                List.of((String[]) rs.getArray(2).getArray())), kind.items.bind(values))).orElseThrow();
    }
}
