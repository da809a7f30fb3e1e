package nl.plein.reports;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.plein.analysis.Participation;
import nl.plein.analysis.ParticipationStore;
import nl.plein.analysis.ProposalSelection;
import nl.plein.analysis.SmallCounts;
import nl.plein.clusters.ClusterStore;
import nl.plein.db.NamedSql;
import nl.plein.db.Sql;
import nl.plein.hexbins.HexBinStore;
import nl.plein.hotspots.GetisOrdGiStar;
import nl.plein.hotspots.SpatialUnits;
import nl.plein.hotspots.SpatialWeights;
import nl.plein.http.ApiError;
import nl.plein.http.Choices;
import nl.plein.presentations.MapView;
import nl.plein.proposals.Status;

/**
 * Maps drawn by the server as SVG, with no tiles: PostGIS transforms each layer to the project's
 * metric CRS, clips it to the view, scales it onto the drawing and writes the path data
 * (draw.sql around a layer's source, layer-*.sql: one statement per layer). What is drawn is the
 * public picture: proposals everyone can see, participation in its public form (SmallCounts), and
 * clusters and hot spots over visible proposals.
 *
 * <p>A {@link Drawing} holds no language: {@link MapSvg} adds the title, description and legend
 * words when it writes the SVG, so a stored drawing renders the same later in either language.
 */
public final class MapDrawing {
    private static final String DRAW = Sql.load(MapDrawing.class, "draw.sql");
    /**
     * The widest and tallest the map part of a drawing gets, in drawing units (px at 96 dpi); the
     * legend goes to its right ({@link MapSvg}), so that a map and its legend fill the width of a page
     * with words large enough to read, two maps to an A4 page.
     */
    static final double MAX_WIDTH = 520;
    static final double MAX_HEIGHT = 560;
    static final double PAD = 10;

    /** A view in WGS 84, as a saved map view gives it. */
    public record Bbox(double minLon, double minLat, double maxLon, double maxLat) {
        public Bbox {
            if (!(minLon < maxLon && minLat < maxLat) || minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) {
                throw new IllegalArgumentException("a bbox needs min < max inside -180..180 and -90..90");
            }
        }
    }

    public record ParticipationLayer(Long set) {
    }

    /** A null eps is the project's default ({@code ClusterStore}). */
    public record ClustersLayer(Double eps, int minPoints) {
    }

    public record ProposalsLayer(List<Status> statuses) {
        public ProposalsLayer {
            if (statuses.isEmpty() || statuses.contains(Status.SUBMITTED)) {
                throw new IllegalArgumentException("statuses must be public ones, at least one");
            }
            statuses = List.copyOf(statuses);
        }
    }

    public record ChosenLayer(List<Long> proposalIds, boolean variants) {
        public ChosenLayer {
            proposalIds = List.copyOf(proposalIds);
        }
    }

    /** A null size is the project's default ({@link HexBinStore#defaultSize}). */
    public record HotspotsLayer(Double size) {
    }

    /** A place a person pinned, in WGS 84. */
    public record Pin(double lon, double lat) {
    }

    /** The pins answered to a question, each drawn as a mark of its own. */
    public record PinsLayer(List<Pin> pins) {
        public PinsLayer {
            pins = List.copyOf(pins);
        }
    }

    /**
     * What to draw; every layer but the outline may be null (not drawn). The layers mirror the
     * saved map view's ({@code boundaries} is the report's own: the outlines of a set's areas).
     */
    public record Layers(boolean outline, Long boundaries, ParticipationLayer participation, ClustersLayer clusters,
            ProposalsLayer proposals, ChosenLayer chosen, HotspotsLayer hotspots, PinsLayer pins) {
        /** The layers a saved map view can have (no pins). */
        public Layers(boolean outline, Long boundaries, ParticipationLayer participation, ClustersLayer clusters,
                ProposalsLayer proposals, ChosenLayer chosen, HotspotsLayer hotspots) {
            this(outline, boundaries, participation, clusters, proposals, chosen, hotspots, null);
        }

        /** The project's outline and a question's pins over it. */
        public static Layers pins(List<Pin> pins) {
            return new Layers(true, null, null, null, null, null, null, new PinsLayer(pins));
        }
    }

    /**
     * @param bbox     the view, or null for the project's area with a margin
     * @param id       prefix of the ids inside the SVG (patterns), unique within the page it goes on
     * @param subject  what the map shows, as a message key of {@link MapSvg} ({@code map.proposals}, …)
     */
    public record Request(long projectId, Bbox bbox, Layers layers, String id, String subject) {
        /** A slide's saved map view, drawn as the projector showed it (boundaries under a choropleth). */
        public static Request of(long projectId, MapView view, String id) {
            double[] b = view.bbox();
            Long set = view.participation().map(MapView.ParticipationLayer::set).orElse(null);
            var layers = new Layers(true, set,
                    set == null ? null : new ParticipationLayer(set),
                    view.clusters().map(c -> new ClustersLayer(c.eps(), c.minPoints())).orElse(null),
                    view.proposals().map(p -> new ProposalsLayer(p.statuses())).orElse(null),
                    view.chosen().map(c -> new ChosenLayer(c.proposalIds(), c.variants())).orElse(null),
                    view.hotspots().map(h -> new HotspotsLayer(h.size())).orElse(null));
            return new Request(projectId, new Bbox(b[0], b[1], b[2], b[3]), layers, id, "map.view");
        }
    }

    /** One row of a legend: a symbol and its words (a message key with numbers for it). */
    public record LegendEntry(String symbol, String colour, String dash, String key, List<Double> numbers) {
    }

    /** How many shapes a layer put on the map, for the description. */
    public record LayerCount(String layer, int shapes) {
    }

    /**
     * A drawn map without words: {@code body} is the SVG inside the map frame (user text in it already
     * escaped), in drawing units over {@code width} × {@code mapHeight}; the legend comes to the right.
     */
    public record Drawing(String id, String subject, String projectTitle, double width, double mapHeight,
            double scaleBarMetres, double scaleBarLength, String body, List<LegendEntry> legend,
            List<LayerCount> counts) {
    }

    /** The view in the metric CRS and the scale onto the drawing. */
    private record View(int srid, double minX, double minY, double maxX, double maxY, double scale) {
        double width() {
            return (maxX - minX) * scale + 2 * PAD;
        }

        double height() {
            return (maxY - minY) * scale + 2 * PAD;
        }
    }

    /** One shape as PostGIS wrote it, in drawing units. */
    record Shape(String kind, int cls, String label, String type, String path, double x, double y) {
    }

    private final DataSource dataSource;
    private final ClusterStore clusters;
    private final HexBinStore hexbins;
    private final ParticipationStore participation;
    private final SmallCounts smallCounts;
    private final ZoneId zone;

    public MapDrawing(DataSource dataSource, ClusterStore clusters, HexBinStore hexbins,
            ParticipationStore participation, SmallCounts smallCounts, ZoneId zone) {
        this.dataSource = dataSource;
        this.clusters = clusters;
        this.hexbins = hexbins;
        this.participation = participation;
        this.smallCounts = smallCounts;
        this.zone = zone;
    }

    public Drawing draw(Request r) {
        String projectTitle = Sql.read(dataSource, c -> Sql.one(c, "SELECT title FROM projects WHERE id = ?",
                rs -> rs.getString(1), r.projectId())).orElseThrow(() -> ApiError.notFound("Project " + r.projectId()));
        View view = view(r);
        var layers = r.layers();
        var body = new StringBuilder();
        var legend = new ArrayList<LegendEntry>();
        var counts = new ArrayList<LayerCount>();
        var svg = new MapSvg.Layers(r.id(), body, legend, counts);
        if (layers.participation() != null) {
            choropleth(r, view, layers.participation(), svg);
        }
        if (layers.hotspots() != null) {
            hotspots(r, view, layers.hotspots(), svg);
        }
        if (layers.boundaries() != null) {
            svg.boundaries(shapes(view, BOUNDARIES, Map.of("set", layers.boundaries())));
        }
        if (layers.outline()) {
            svg.outline(shapes(view, OUTLINE, Map.of("project", r.projectId())));
        }
        if (layers.proposals() != null) {
            var values = ProposalSelection.ALL.values(r.projectId(), zone);
            values.put("statuses", layers.proposals().statuses().stream().map(Choices::wire).toArray(String[]::new));
            svg.proposals(shapes(view, PROPOSALS, values), layers.proposals().statuses());
        }
        if (layers.clusters() != null) {
            clusters(r, view, layers.clusters(), svg);
        }
        if (layers.chosen() != null) {
            var values = ProposalSelection.ALL.values(r.projectId(), zone);
            values.put("chosen", layers.chosen().proposalIds().stream().map(String::valueOf).toArray(String[]::new));
            values.put("variants", layers.chosen().variants());
            svg.chosen(shapes(view, CHOSEN, values), layers.chosen().variants());
        }
        if (layers.pins() != null) {
            var pins = layers.pins().pins();
            svg.pins(shapes(view, PINS, Map.of(
                    "lons", pins.stream().map(p -> Double.toString(p.lon())).toArray(String[]::new),
                    "lats", pins.stream().map(p -> Double.toString(p.lat())).toArray(String[]::new))));
        }
        svg.frame(view.width(), view.height());
        double metres = niceLength((view.maxX() - view.minX()) / 4);
        return new Drawing(r.id(), r.subject(), projectTitle, view.width(), view.height(), metres,
                metres * view.scale(), body.toString(), List.copyOf(legend), List.copyOf(counts));
    }

    private static final NamedSql OUTLINE = layer("layer-outline.sql");
    private static final NamedSql BOUNDARIES = layer("layer-boundaries.sql");
    private static final NamedSql CHOROPLETH = layer("layer-choropleth.sql");
    private static final NamedSql SHAPES_FROM_JSON = layer("layer-shapes.sql");
    private static final NamedSql PROPOSALS = layer("layer-proposals.sql");
    private static final NamedSql CHOSEN = layer("layer-chosen.sql");
    private static final NamedSql PINS = layer("layer-pins.sql");

    /** draw.sql over one layer's source. */
    private static NamedSql layer(String file) {
        String source = Sql.load(MapDrawing.class, file).replace("/*selection*/", ProposalSelection.WHERE);
        return NamedSql.of(DRAW.replace("/*source*/", source));
    }

    private List<Shape> shapes(View view, NamedSql statement, Map<String, Object> sourceValues) {
        var values = new HashMap<String, Object>(sourceValues);
        values.put("srid", view.srid());
        values.put("minx", view.minX());
        values.put("miny", view.minY());
        values.put("maxx", view.maxX());
        values.put("maxy", view.maxY());
        values.put("scale", view.scale());
        values.put("pad", PAD);
        return Sql.read(dataSource, c -> Sql.list(c, statement.sql(), rs -> new Shape(rs.getString("kind"),
                rs.getInt("cls"), rs.getString("label"), rs.getString("type"), rs.getString("path"),
                rs.getDouble("x"), rs.getDouble("y")), statement.bind(values)));
    }

    private static final String VIEW = """
            WITH box AS (SELECT p.metric_srid AS srid,
                                coalesce(ST_MakeEnvelope(?::float8, ?::float8, ?::float8, ?::float8, 4326), p.area) AS g
                           FROM projects p WHERE p.id = ?)
            SELECT srid, ST_XMin(m), ST_YMin(m), ST_XMax(m), ST_YMax(m)
              FROM (SELECT srid, ST_Envelope(ST_Transform(g, srid)) AS m FROM box) t""";

    private View view(Request r) {
        var b = r.bbox();
        double[] e = Sql.read(dataSource, c -> Sql.one(c, VIEW, rs -> new double[] {rs.getInt(1), rs.getDouble(2),
                rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)}, b == null ? null : b.minLon(),
                b == null ? null : b.minLat(), b == null ? null : b.maxLon(), b == null ? null : b.maxLat(),
                r.projectId())).orElseThrow(() -> ApiError.notFound("Project " + r.projectId()));
        double minX = e[1];
        double minY = e[2];
        double maxX = e[3];
        double maxY = e[4];
        if (b == null) {
            // The project's own area: a margin of 5 % so that its outline is not drawn on the frame.
            double mx = Math.max((maxX - minX) * 0.05, 10);
            double my = Math.max((maxY - minY) * 0.05, 10);
            minX -= mx;
            maxX += mx;
            minY -= my;
            maxY += my;
        }
        double scale = Math.min(MAX_WIDTH / (maxX - minX), MAX_HEIGHT / (maxY - minY));
        return new View((int) e[0], minX, minY, maxX, maxY, scale);
    }

    /** 1, 2 or 5 times a power of ten, at most {@code metres}. */
    static double niceLength(double metres) {
        double power = Math.pow(10, Math.floor(Math.log10(metres)));
        for (double step : new double[] {5, 2, 1}) {
            if (step * power <= metres) {
                return step * power;
            }
        }
        return power;
    }

    /** Participants per 1,000 residents per area, from the public figures: hidden areas hatched. */
    private void choropleth(Request r, View view, ParticipationLayer layer, MapSvg.Layers svg) {
        var counts = participation.read(r.projectId(), layer.set(), null, null, zone, smallCounts.threshold());
        var result = Participation.compute(counts.areas().stream().map(a -> new Participation.AreaCount(a.id(),
                a.code(), a.name(), a.population(), a.participants())).toList());
        var published = smallCounts.publish(result);
        var rates = published.areas().stream().filter(a -> a.ratePer1000() != null)
                .map(SmallCounts.PublicArea::ratePer1000).sorted().distinct().toList();
        double[] breaks = Classes.quantileBreaks(rates, MapSvg.CHOROPLETH.size());
        var ids = new ArrayList<String>();
        var classes = new ArrayList<String>();
        for (var a : published.areas()) {
            ids.add(Long.toString(a.areaId()));
            int cls = a.hidden() != SmallCounts.Hidden.NO ? MapSvg.HIDDEN
                    : a.ratePer1000() == null ? MapSvg.UNKNOWN : Classes.classOf(a.ratePer1000(), breaks);
            classes.add(Integer.toString(cls));
        }
        svg.choropleth(shapes(view, CHOROPLETH, Map.of("ids", ids.toArray(String[]::new),
                "classes", classes.toArray(String[]::new))), breaks, rates.isEmpty() ? 0 : rates.get(0));
    }

    /** The clusters a layer draws (cached with the analysis page's), with the eps they were made with. */
    public ClusterStore.Result clusters(long projectId, ClustersLayer layer) {
        return clusters.clusters(projectId, new ClusterStore.Parameters(layer.eps(), layer.minPoints(),
                ProposalSelection.ALL));
    }

    private void clusters(Request r, View view, ClustersLayer layer, MapSvg.Layers svg) {
        var result = clusters(r.projectId(), layer);
        var outlines = result.clusters().stream().map(c -> c.outline().toString()).toArray(String[]::new);
        var numbers = result.clusters().stream().map(c -> Integer.toString(c.number())).toArray(String[]::new);
        svg.clusters(shapes(view, SHAPES_FROM_JSON, Map.of("kind", "cluster", "outlines", outlines,
                "classes", new String[outlines.length], "labels", numbers)));
    }

    /** Gi* on hexagons with a distance band of the largest nearest-neighbour distance (the API's default). */
    private void hotspots(Request r, View view, HotspotsLayer layer, MapSvg.Layers svg) {
        double size = layer.size() != null ? layer.size() : hexbins.defaultSize(r.projectId());
        var units = SpatialUnits.hexagons(hexbins, r.projectId(), size, ProposalSelection.ALL);
        String[] outlines = new String[units.size()];
        String[] classes = new String[units.size()];
        if (units.size() >= 4) {
            var weights = SpatialWeights.distanceBand(units.ids(), units.x(), units.y(),
                    SpatialWeights.largestNearestNeighbourDistance(units.x(), units.y()));
            double[] values = new double[units.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = units.proposals()[i];
            }
            int[] gi;
            try {
                gi = GetisOrdGiStar.compute(weights, values).classes();
            } catch (IllegalArgumentException e) {
                // Gi* is undefined when every hexagon holds as many proposals: no hot or cold spot then.
                gi = new int[values.length];
            }
            for (int i = 0; i < gi.length; i++) {
                outlines[i] = units.outlines()[i].toString();
                classes[i] = Integer.toString(gi[i]);
            }
        } else {
            outlines = new String[0];
            classes = new String[0];
        }
        svg.hotspots(shapes(view, SHAPES_FROM_JSON, Map.of("kind", "hexagon", "outlines", outlines,
                "classes", classes, "labels", new String[outlines.length])));
    }

    /** The statuses a map of all public proposals shows. */
    public static final List<Status> PUBLIC_STATUSES = List.of(Status.PUBLISHED, Status.UNDER_CONSIDERATION,
            Status.ACCEPTED, Status.REJECTED, Status.REALISED);
}
