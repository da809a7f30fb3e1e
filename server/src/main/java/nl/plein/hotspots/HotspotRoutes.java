package nl.plein.hotspots;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import nl.plein.accounts.Access;
import nl.plein.analysis.AnalysisCache;
import nl.plein.analysis.AnalysisJson;
import nl.plein.analysis.ProposalSelection;
import nl.plein.analysis.SmallCounts;
import nl.plein.hexbins.HexBinRoutes;
import nl.plein.hexbins.HexBinStore;
import nl.plein.http.ApiError;
import nl.plein.http.GeoJson;
import nl.plein.http.Json;
import nl.plein.http.Numbers;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.participation.ParticipationStore;
import nl.plein.projects.ProjectStore;

/**
 * Hot spots (Getis–Ord Gi*) and spatial autocorrelation (global Moran's I and LISA) over a
 * project's hexagons or the areas of a boundary set (METHODS.md §1–§4). Statistics are
 * computed on raw counts; counts of proposals shown to anyone but planners follow the small-count
 * rule. Every answer explains in plain words what the statistic shows and what it does not.
 */
public final class HotspotRoutes {
    private enum Unit { HEXAGONS, AREAS }

    private enum Weights { BAND, KNN, QUEEN }

    private enum Measure { PROPOSALS, PARTICIPATION }

    /** The significance levels of METHODS.md §4. */
    private static final List<Double> ALPHAS = List.of(0.10, 0.05, 0.01);

    /** Permutations are seeded, so the same request gives the same pseudo p-values. */
    public static final long SEED = 20_261_128L;
    public static final int MAX_PERMUTATIONS = 9999;
    public static final int DEFAULT_K = 6;

    private static final String GI_EXPLAINED = "Gi* compares the proposals in and around each unit (its neighbours"
            + " and itself) with what the whole area would lead one to expect. A high z with a small p means more"
            + " proposals cluster there than chance would readily give; class 3, 2 or 1 means 99, 95 or 90 %"
            + " confidence after correcting for testing every unit at once (Benjamini–Hochberg), and negative classes"
            + " mean fewer than expected (a cold spot). It does not say why people propose there, and where few"
            + " people took part at all, absence of proposals is not absence of wishes. Defined in Plein's"
            + " server/METHODS.md §0.3 (neighbours), §1 (Gi*) and §4 (Benjamini–Hochberg).";
    private static final String MORAN_EXPLAINED = "Moran's I says whether similar values sit next to each other"
            + " across the whole map (above 0: clustered, near 0: no pattern, below 0: alternating). LISA looks at"
            + " each unit: HH is a high value among high neighbours, LL low among low, HL and LH are outliers; only"
            + " units significant after correcting for testing every unit (Benjamini–Hochberg) get a type. It shows"
            + " patterns, not causes, and depends on the units and neighbours chosen. Defined in Plein's"
            + " server/METHODS.md §0.3 (neighbours), §2 (Moran's I), §3 (LISA) and §4 (Benjamini–Hochberg).";

    private final DataSource dataSource;
    private final HexBinStore hexbins;
    private final ProjectStore projects;
    private final ParticipationStore participation;
    private final SmallCounts smallCounts;
    private final ZoneId zone;
    private final java.time.Duration timeout;
    private final AnalysisCache<String> cache = new AnalysisCache<>(64);
    private final AnalysisCache<ArrayNode> cells = new AnalysisCache<>(16);
    /** Each boundary set's queen contiguity: a set's areas never change once loaded. */
    private final AnalysisCache<Map<Long, long[]>> queens = new AnalysisCache<>(16);

    public HotspotRoutes(DataSource dataSource, HexBinStore hexbins, ProjectStore projects,
            ParticipationStore participation, SmallCounts smallCounts, ZoneId zone, java.time.Duration timeout) {
        this.timeout = timeout;
        this.dataSource = dataSource;
        this.hexbins = hexbins;
        this.projects = projects;
        this.participation = participation;
        this.smallCounts = smallCounts;
        this.zone = zone;
    }

    private record Request(long projectId, Unit unit, double size, Long set, Weights weights, Double band, int k,
            int permutations, ProposalSelection selection, SpatialUnits units, Query query) {
    }

    private Request request(Context ctx, int defaultPermutations, String... extra) {
        var names = new ArrayList<>(List.of("unit", "size", "set", "weights", "band", "k", "permutations"));
        names.addAll(List.of(ProposalSelection.PARAMETERS));
        names.addAll(List.of(extra));
        var query = Query.of(ctx, names.toArray(String[]::new));
        long projectId = Requests.pathId(ctx, "id", "Project");
        Unit unit = query.choice("unit", Unit.class).orElse(Unit.HEXAGONS);
        double size = query.number("size", 1, false, HexBinRoutes.MAX_SIZE).orElseGet(() -> unit == Unit.AREAS
                ? HexBinRoutes.DEFAULT_SIZE : hexbins.defaultSize(projectId));
        Long set = query.id("set").orElse(null);
        if (unit == Unit.AREAS && set == null) {
            throw ApiError.invalid("set", "give the boundary set whose areas are the units");
        }
        Weights weights = query.choice("weights", Weights.class).orElse(unit == Unit.AREAS ? Weights.QUEEN : Weights.BAND);
        if (weights == Weights.QUEEN && unit != Unit.AREAS) {
            throw ApiError.invalid("weights", "queen contiguity needs areas as units; hexagons use band or knn");
        }
        Double band = query.number("band", 0, true, 100_000).orElse(null);
        int k = query.integer("k", DEFAULT_K, 1, 100);
        int permutations = query.integer("permutations", defaultPermutations, 0, MAX_PERMUTATIONS);
        var selection = ProposalSelection.from(query, projects.rules(projectId));
        var units = unit == Unit.HEXAGONS ? SpatialUnits.hexagons(hexbins, projectId, size, selection)
                : SpatialUnits.areas(dataSource, zone, projectId, set, selection, timeout, queens);
        if (units.size() < 4) {
            throw ApiError.invalid(unit == Unit.HEXAGONS ? "size" : "set",
                    "there are " + units.size() + " units; these statistics need at least 4");
        }
        if (k >= units.size()) {
            throw ApiError.invalid("k", "must be less than the number of units (" + units.size() + ")");
        }
        return new Request(projectId, unit, size, set, weights, band, k, permutations, selection, units, query);
    }

    /** Spatial weights, with the distance band they were built with (null for knn and queen). */
    private record Built(SpatialWeights weights, Double band) {
    }

    /** The weights over the units {@code keep} (all when null). */
    private static Built weights(Request r, boolean[] keep) {
        var u = r.units();
        int n = 0;
        for (int i = 0; i < u.size(); i++) {
            n += keep == null || keep[i] ? 1 : 0;
        }
        long[] ids = new long[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0, m = 0; i < u.size(); i++) {
            if (keep == null || keep[i]) {
                ids[m] = u.ids()[i];
                x[m] = u.x()[i];
                y[m] = u.y()[i];
                m++;
            }
        }
        return switch (r.weights()) {
            case QUEEN -> {
                var kept = new java.util.HashSet<Long>();
                for (long id : ids) {
                    kept.add(id);
                }
                Map<Long, long[]> neighbours = new HashMap<>();
                for (long id : ids) {
                    neighbours.put(id, java.util.Arrays.stream(u.queen().getOrDefault(id, new long[0]))
                            .filter(kept::contains).toArray());
                }
                yield new Built(SpatialWeights.fromNeighbours(ids, neighbours), null);
            }
            case KNN -> new Built(SpatialWeights.kNearest(ids, x, y, r.k()), null);
            case BAND -> {
                double band = r.band() != null ? r.band() : SpatialWeights.largestNearestNeighbourDistance(x, y);
                yield new Built(SpatialWeights.distanceBand(ids, x, y, band), band);
            }
        };
    }

    public void hotspots(Context ctx) {
        var r = request(ctx, 0);
        boolean raw = Access.viewer(ctx).role().plans();
        send(ctx, cache.get(key("hotspots", r, raw, ""), () -> Json.write(hotspots(r, raw))));
    }

    /** The query parameter that shapes the public hot-spot cells (the hexagons' edge). */
    public static final List<String> CELL_PARAMETERS = List.of("size", ProposalSelection.LOCATIONS);

    /**
     * Gi* over hexagons of edge {@code size} (read from the query as {@link #hotspots} reads it) with
     * the defaults of {@link #hotspots}, every proposal anyone sees and the small-count rule: the
     * features of the OGC API's {@code hotspots-{projectId}} collections, each with its cell's key as
     * id. Without a size, the edge is the project's default ({@link HexBinStore#defaultSize}), which
     * grows where a project is too large for the cell limit at 100 m, so that a GIS client listing
     * every collection never meets a refusal. Where Gi* has
     * nothing to test (fewer than three cells, or the same count everywhere), the cells come without
     * z and p, in class 0.
     */
    public ArrayNode publicCells(long projectId, Query query) {
        double size = query.number("size", 1, false, HexBinRoutes.MAX_SIZE)
                .orElseGet(() -> hexbins.defaultSize(projectId));
        var selection = ProposalSelection.unfiltered(query);
        var units = SpatialUnits.hexagons(hexbins, projectId, size, selection);
        var r = new Request(projectId, Unit.HEXAGONS, size, null, Weights.BAND, null, DEFAULT_K, 0,
                selection, units, query);
        return cells.get(key("cells", r, false, ""), () -> {
            double[] values = proposals(units);
            boolean varies = java.util.Arrays.stream(values).anyMatch(v -> v != values[0]);
            var gi = units.size() >= 3 && varies
                    ? GetisOrdGiStar.compute(weights(r, null).weights(), values, 0, SEED) : null;
            var features = Json.MAPPER.createArrayNode();
            giFeatures(features, r, gi, false);
            for (int i = 0; i < units.size(); i++) {
                ((ObjectNode) features.get(i)).put("id", units.ids()[i]);
            }
            return features;
        });
    }

    private static double[] proposals(SpatialUnits u) {
        double[] values = new double[u.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = u.proposals()[i];
        }
        return values;
    }

    private ObjectNode hotspots(Request r, boolean raw) {
        Built built = weights(r, null);
        var w = built.weights();
        GetisOrdGiStar.Result gi;
        try {
            gi = GetisOrdGiStar.compute(w, proposals(r.units()), r.permutations(), SEED);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("unit", "Gi* cannot be computed here: " + e.getMessage());
        }
        var out = collection(r, w, built.band(), raw);
        giFeatures(out.putArray("features"), r, gi, raw);
        out.put("method", method(r, "Getis–Ord Gi* (binary weights, the unit itself included) on the number of"
                + " proposals per unit; two-sided normal p, Benjamini–Hochberg adjusted; classes ±3/±2/±1 at"
                + " 99/95/90 % confidence on the adjusted p", raw) + " " + GI_EXPLAINED);
        return out;
    }

    /** A feature per unit with its count and Gi* statistics; a null {@code gi} gives none, class 0. */
    private void giFeatures(ArrayNode features, Request r, GetisOrdGiStar.Result gi, boolean raw) {
        var u = r.units();
        // The results hand out copies of their arrays: take each once, not once per unit.
        int[] classes = gi == null ? new int[u.size()] : gi.classes();
        double[] z = gi == null ? null : gi.z();
        double[] p = gi == null ? null : gi.p();
        double[] pAdjusted = gi == null ? null : gi.pAdjusted();
        double[] permutationP = gi == null ? null : gi.permutationP();
        double[] permutationPAdjusted = gi == null ? null : gi.permutationPAdjusted();
        for (int i = 0; i < u.size(); i++) {
            var props = feature(features, u, i);
            AnalysisJson.count(props, "proposals", u.proposals()[i], raw, smallCounts);
            if (gi == null) {
                props.putNull("z").putNull("p").putNull("pAdjusted");
            } else {
                props.put("z", z[i]).put("p", p[i]).put("pAdjusted", pAdjusted[i]);
            }
            props.put("class", classes[i]);
            if (r.permutations() > 0) {
                props.put("permutationP", permutationP[i]).put("permutationPAdjusted", permutationPAdjusted[i]);
            }
        }
    }

    public void moran(Context ctx) {
        var r = request(ctx, 999, "measure", "alpha");
        var query = r.query();
        Measure measure = query.choice("measure", Measure.class).orElse(Measure.PROPOSALS);
        double alpha = query.number("alpha", 0, true, 1).orElse(0.05);
        if (!ALPHAS.contains(alpha)) {
            throw ApiError.invalid("alpha", "must be 0.10, 0.05 or 0.01, not " + alpha);
        }
        if (measure == Measure.PARTICIPATION && r.unit() != Unit.AREAS) {
            throw ApiError.invalid("measure", "participation is counted per area: ask for unit=areas with a set");
        }
        boolean raw = Access.viewer(ctx).role().plans();
        // Participation changes with every comment and support, not only with proposals: it is not cached.
        send(ctx, measure == Measure.PARTICIPATION ? Json.write(moran(r, raw, measure, alpha))
                : cache.get(key("moran", r, raw, measure + " " + alpha), () -> Json.write(moran(r, raw, measure, alpha))));
    }

    /** What identifies an answer: the analysis, the project's metric CRS and analysis version, every parameter, the view. */
    private static AnalysisCache.Key key(String analysis, Request r, boolean raw, String more) {
        return new AnalysisCache.Key(analysis, r.projectId(), r.units().srid(), r.units().version(),
                String.join(" ", r.unit().name(),
                Double.toString(r.size()), String.valueOf(r.set()), r.weights().name(), String.valueOf(r.band()),
                Integer.toString(r.k()), Integer.toString(r.permutations()), r.selection().toString(),
                Boolean.toString(raw), more));
    }

    private ObjectNode moran(Request r, boolean raw, Measure measure, double alpha) {
        var u = r.units();
        double[] all = new double[u.size()];
        boolean[] keep = new boolean[u.size()];
        // The count each value rests on: a value from fewer than the threshold is not shown publicly,
        // since multiplying it back would give the count (METHODS.md §9).
        long[] basis = new long[u.size()];
        if (measure == Measure.PROPOSALS) {
            for (int i = 0; i < all.length; i++) {
                all[i] = u.km2()[i] > 0 ? u.proposals()[i] / u.km2()[i] : Double.NaN;
                keep[i] = u.km2()[i] > 0;
                basis[i] = u.proposals()[i];
            }
        } else {
            var areas = new HashMap<Long, ParticipationStore.AreaRow>();
            for (var area : participation.read(r.projectId(), r.set(), null, null, zone, 1).areas()) {
                if (area.population() != null && area.population() > 0) {
                    areas.put(area.id(), area);
                }
            }
            for (int i = 0; i < all.length; i++) {
                var area = areas.get(u.ids()[i]);
                keep[i] = area != null;
                all[i] = area == null ? Double.NaN : 1000.0 * area.participants() / area.population();
                basis[i] = area == null ? 0 : area.participants();
            }
        }
        Built built = weights(r, keep);
        var w = built.weights();
        double[] values = new double[w.size()];
        for (int i = 0, m = 0; i < all.length; i++) {
            if (keep[i]) {
                values[m++] = all[i];
            }
        }
        MoranGlobal.Result global;
        MoranLocal.Result local;
        try {
            global = MoranGlobal.compute(w, values, r.permutations(), SEED);
            local = MoranLocal.compute(w, values, r.permutations(), SEED);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("measure", "Moran's I cannot be computed here: " + e.getMessage());
        }
        var out = collection(r, w, built.band(), raw);
        out.putObject("global").put("i", global.i()).put("expected", global.expected())
                .put("variance", global.variance()).put("z", global.z()).put("p", global.p())
                .put("permutationP", r.permutations() > 0 ? global.permutationP() : null)
                .put("units", global.n());
        var clusters = local.clusters(alpha, r.permutations() > 0 ? PValue.PERMUTATION : PValue.ANALYTIC);
        var features = out.putArray("features");
        // The results hand out copies of their arrays: take each once, not once per unit.
        double[] localI = local.local();
        double[] z = local.zScore();
        double[] p = r.permutations() > 0 ? local.permutationP() : local.p();
        double[] pAdjusted = r.permutations() > 0 ? local.permutationPAdjusted() : local.pAdjusted();
        for (int i = 0, m = 0; i < u.size(); i++) {
            var props = feature(features, u, i);
            AnalysisJson.count(props, "proposals", u.proposals()[i], raw, smallCounts);
            if (!keep[i]) {
                props.putNull("value");
                props.put("cluster", "UNKNOWN");
                continue;
            }
            if (raw || basis[i] == 0 || basis[i] >= smallCounts.threshold()) {
                props.put("value", values[m]);
            } else {
                props.putNull("value");
                props.put("valueHidden", true);
            }
            props.put("localI", localI[m]).put("z", z[m]).put("p", p[m]).put("pAdjusted", pAdjusted[m])
                    .put("cluster", clusters[m].name());
            m++;
        }
        ((ObjectNode) out.get("parameters")).put("measure", measure.name().toLowerCase(Locale.ROOT)).put("alpha", alpha);
        out.put("method", method(r, String.format(Locale.ROOT, "Global Moran's I (row-standardised weights, variance"
                + " under randomisation, two-sided p%s) and local Moran's I (spdep's form; %s p, Benjamini–Hochberg"
                + " adjusted, types where the adjusted p < %s) on %s", r.permutations() > 0
                ? ", and a pseudo p from " + r.permutations() + " seeded permutations" : "",
                r.permutations() > 0 ? "conditional-permutation" : "analytic", alpha,
                measure == Measure.PROPOSALS ? "proposals per km²"
                        : "participants per 1,000 residents (areas with unknown population left out)"), raw)
                + " " + MORAN_EXPLAINED);
        return out;
    }

    private ObjectNode collection(Request r, SpatialWeights w, Double band, boolean raw) {
        var out = Json.MAPPER.createObjectNode();
        out.put("type", "FeatureCollection");
        var params = out.putObject("parameters");
        params.put("unit", r.unit().name().toLowerCase(Locale.ROOT));
        if (r.unit() == Unit.HEXAGONS) {
            params.put("size", r.size());
        } else {
            params.put("set", r.set());
        }
        params.put("weights", r.weights().name().toLowerCase(Locale.ROOT));
        if (band != null) {
            params.put("band", band);
        }
        if (r.weights() == Weights.KNN) {
            params.put("k", r.k());
        }
        params.put("permutations", r.permutations()).put("seed", SEED);
        AnalysisJson.selection(params, r.selection());
        var islands = out.putArray("islands");
        for (long id : w.islands()) {
            islands.add(r.unit() == Unit.HEXAGONS ? nl.plein.hexbins.HexGrid.i(id) + ","
                    + nl.plein.hexbins.HexGrid.j(id) : Long.toString(id));
        }
        if (r.weights() == Weights.KNN && w.tiedIds().length > 0) {
            out.put("knnTies", w.tiedIds().length);
        }
        out.put("units", r.units().size());
        AnalysisJson.locations(out, r.units().stacking(), raw, smallCounts);
        out.put("raw", raw);
        return out;
    }

    /** A unit's feature: a hexagon by its "i,j", an area by its id (unique, where names repeat) with code and name. */
    private static ObjectNode feature(ArrayNode features, SpatialUnits u, int i) {
        var feature = features.addObject();
        feature.put("type", "Feature");
        if (u.names()[i] == null) {
            feature.put("id", u.labels()[i]);
        } else {
            feature.put("id", u.ids()[i]);
        }
        feature.set("geometry", u.outlines()[i]);
        var props = feature.putObject("properties");
        props.put("unit", u.labels()[i]);
        if (u.names()[i] != null) {
            props.put("code", u.codes()[i]).put("name", u.names()[i]);
        }
        return props;
    }

    private String method(Request r, String statistic, boolean raw) {
        String units = r.unit() == Unit.HEXAGONS
                ? String.format(Locale.ROOT, "hexagons of edge %s m over the project's area (empty ones included)",
                        Numbers.plain(r.size()))
                : "the areas of boundary set " + r.set();
        String weights = switch (r.weights()) {
            case QUEEN -> String.format(Locale.ROOT, "queen contiguity as spdep's poly2nb finds it (neighbours have"
                    + " boundary vertices within %s m of each other in the boundary set's metric CRS; touching or"
                    + " overlapping without such a vertex is not enough)", Numbers.plain(QueenContiguity.SNAP_METRES));
            case KNN -> r.k() + " nearest neighbours between centroids (ties to the lower id)";
            case BAND -> "a distance band between centroids (0 < d ≤ band; by default the largest nearest-neighbour"
                    + " distance, so that no unit is an island)";
        };
        String text = statistic + ", over " + units + " in EPSG:" + r.units().srid() + ", with " + weights
                + "; proposals everyone can see" + (r.selection().filtered() ? ", filtered" : "")
                + ", each as one point (lines and areas by ST_PointOnSurface). Islands are reported and left out of"
                + " global statistics. " + AnalysisJson.locationsMethod(r.selection().locations());
        return raw ? text : text + " " + smallCounts.describe();
    }

    private static void send(Context ctx, String json) {
        ctx.header("Cache-Control", "private, no-store");
        GeoJson.send(ctx, "application/geo+json", json);
    }

}
