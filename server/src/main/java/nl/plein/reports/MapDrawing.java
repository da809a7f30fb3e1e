package nl.plein.reports;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.plein.analysis.Analyses;
import nl.plein.analysis.Selection;
import nl.plein.analysis.SmallCounts;
import nl.plein.budgets.results.Results;
import nl.plein.clusters.ClusterParameters;
import nl.plein.clusters.Clusters;
import nl.plein.db.Jdbis;
import nl.plein.hexbins.HexBinParameters;
import nl.plein.hexbins.HexBins;
import nl.plein.hotspots.GetisOrdGiStar;
import nl.plein.hotspots.SpatialUnits;
import nl.plein.hotspots.SpatialWeights;
import nl.plein.http.ApiError;
import nl.plein.http.Choices;
import nl.plein.participation.ParticipationAnalysis;
import nl.plein.participation.PublicParticipation;
import nl.plein.presentations.MapView;
import nl.plein.proposals.Status;
import org.jdbi.v3.core.Jdbi;

/**
 * Maps drawn by the server as SVG, with no tiles: PostGIS transforms each layer to the project's
 * metric CRS, clips it to the view, scales it onto the drawing and writes the path data
 * (draw.sql around a layer's source, layer-*.sql: one statement per layer, {@link Layer}). What is drawn is the
 * public picture: proposals everyone can see, participation in its public form (SmallCounts),
 * clusters and hot spots over visible proposals, and a budget vote's ballot items with its public
 * results.
 *
 * <p>A {@link Drawing} holds no language: {@link MapSvg} adds the title, description and legend
 * words when it writes the SVG, so a stored drawing renders the same later in either language.
 */
public final class MapDrawing {
    private static final String DRAW = Jdbis.sql(MapDrawing.class, "draw.sql");
    private static final String VIEW = Jdbis.sql(MapDrawing.class, "view.sql");
    private static final String PROJECT_TITLE = Jdbis.sql(MapDrawing.class, "project-title.sql");
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

    /** A null eps is the project's default ({@link Clusters}). */
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

    /** A null size is the project's default ({@link HexBins#defaultSize(long)}). */
    public record HotspotsLayer(Double size) {
    }

    /**
     * A budget vote's ballot items with a place: funded or not under the vote's rule once it is
     * counted (a vote closed but not yet counted is counted first, as its results page would), only
     * the items before.
     */
    public record VoteLayer(long voteId) {
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
            ProposalsLayer proposals, ChosenLayer chosen, HotspotsLayer hotspots, VoteLayer vote, PinsLayer pins) {
        /** The layers of a map without a vote or pins. */
        public Layers(boolean outline, Long boundaries, ParticipationLayer participation, ClustersLayer clusters,
                ProposalsLayer proposals, ChosenLayer chosen, HotspotsLayer hotspots) {
            this(outline, boundaries, participation, clusters, proposals, chosen, hotspots, null, null);
        }

        /** The project's outline and a question's pins over it. */
        public static Layers pins(List<Pin> pins) {
            return new Layers(true, null, null, null, null, null, null, null, new PinsLayer(pins));
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
                    view.hotspots().map(h -> new HotspotsLayer(h.size())).orElse(null),
                    view.vote().map(v -> new VoteLayer(v.voteId())).orElse(null), null);
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

    private final Jdbi jdbi;
    private final Analyses analyses;
    private final Clusters clusters;
    private final HexBins hexBins;
    private final ParticipationAnalysis participation;
    private final Results results;
    private final ZoneId zone;

    /**
     * Draws with {@code jdbi}, running the analyses a map shows ({@code clusters}; hot spots through
     * {@code hexBins}) in the kit {@code analyses}, whose cache the analysis pages share.
     */
    public MapDrawing(Jdbi jdbi, Analyses analyses, Clusters clusters, HexBins hexBins,
            ParticipationAnalysis participation) {
        this.jdbi = jdbi;
        this.analyses = analyses;
        this.clusters = clusters;
        this.hexBins = hexBins;
        this.participation = participation;
        this.results = new Results(jdbi);
        this.zone = analyses.zone();
    }

    public Drawing draw(Request r) {
        String projectTitle = jdbi.withHandle(h -> h.createQuery(PROJECT_TITLE)
                .bind("project", r.projectId()).mapTo(String.class).findOne())
                .orElseThrow(() -> ApiError.notFound("Project " + r.projectId()));
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
            svg.boundaries(shapes(view, Layer.BOUNDARIES, Map.of("set", layers.boundaries()), null));
        }
        if (layers.outline()) {
            svg.outline(shapes(view, Layer.OUTLINE, Map.of("project", r.projectId()), null));
        }
        if (layers.vote() != null) {
            vote(r, view, layers.vote(), svg);
        }
        if (layers.proposals() != null) {
            var statuses = layers.proposals().statuses().stream().map(Choices::wire).toArray(String[]::new);
            svg.proposals(shapes(view, Layer.PROPOSALS, Map.of("statuses", statuses), r.projectId()),
                    layers.proposals().statuses());
        }
        if (layers.clusters() != null) {
            clusters(r, view, layers.clusters(), svg);
        }
        if (layers.chosen() != null) {
            var chosen = layers.chosen().proposalIds().stream().map(String::valueOf).toArray(String[]::new);
            svg.chosen(shapes(view, Layer.CHOSEN, Map.of("chosen", chosen, "variants", layers.chosen().variants()),
                    r.projectId()), layers.chosen().variants());
        }
        if (layers.pins() != null) {
            var pins = layers.pins().pins();
            svg.pins(shapes(view, Layer.PINS, Map.of(
                    "lons", pins.stream().map(p -> Double.toString(p.lon())).toArray(String[]::new),
                    "lats", pins.stream().map(p -> Double.toString(p.lat())).toArray(String[]::new)), null));
        }
        svg.frame(view.width(), view.height());
        double metres = niceLength((view.maxX() - view.minX()) / 4);
        return new Drawing(r.id(), r.subject(), projectTitle, view.width(), view.height(), metres,
                metres * view.scale(), body.toString(), List.copyOf(legend), List.copyOf(counts));
    }

    /**
     * The layers a map draws, each draw.sql around the statement of its file. Jdbi does not template a
     * defined fragment again, so the two fixed files are joined here, once; the proposal layers'
     * {@code <where>} is then the selection's ({@link Selection#bind}).
     */
    private enum Layer {
        OUTLINE("layer-outline.sql"),
        BOUNDARIES("layer-boundaries.sql"),
        CHOROPLETH("layer-choropleth.sql"),
        SHAPES_FROM_JSON("layer-shapes.sql"),
        PROPOSALS("layer-proposals.sql"),
        CHOSEN("layer-chosen.sql"),
        VOTE("layer-vote.sql"),
        PINS("layer-pins.sql");

        private final String sql;

        Layer(String file) {
            this.sql = DRAW.replace("<source>", Jdbis.sql(MapDrawing.class, file));
        }
    }

    /** A layer's shapes; {@code selectionOf} is the project whose visible proposals the layer reads, or null. */
    private List<Shape> shapes(View view, Layer layer, Map<String, Object> sourceValues, Long selectionOf) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery(layer.sql).bindMap(sourceValues);
            if (selectionOf != null) {
                Selection.ALL.bind(query, selectionOf, zone);
            }
            return query.bind("srid", view.srid())
                    .bind("minx", view.minX()).bind("miny", view.minY())
                    .bind("maxx", view.maxX()).bind("maxy", view.maxY())
                    .bind("scale", view.scale()).bind("pad", PAD)
                    .map((rs, ctx) -> new Shape(rs.getString("kind"), rs.getInt("cls"), rs.getString("label"),
                            rs.getString("type"), rs.getString("path"), rs.getDouble("x"), rs.getDouble("y")))
                    .list();
        });
    }

    private View view(Request r) {
        var b = r.bbox();
        double[] e = jdbi.withHandle(h -> h.createQuery(VIEW)
                .bindByType("minlon", b == null ? null : b.minLon(), Double.class)
                .bindByType("minlat", b == null ? null : b.minLat(), Double.class)
                .bindByType("maxlon", b == null ? null : b.maxLon(), Double.class)
                .bindByType("maxlat", b == null ? null : b.maxLat(), Double.class)
                .bind("project", r.projectId())
                .map((rs, ctx) -> new double[] {rs.getInt("srid"), rs.getDouble("min_x"), rs.getDouble("min_y"),
                        rs.getDouble("max_x"), rs.getDouble("max_y")})
                .findOne())
                .orElseThrow(() -> ApiError.notFound("Project " + r.projectId()));
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
        var published = participation.published(participation.run(ParticipationAnalysis.Parameters.whole(
                r.projectId(), layer.set(), ParticipationAnalysis.View.PUBLIC)));
        var rates = published.areas().stream().filter(a -> a.ratePer1000() != null)
                .map(PublicParticipation.PublicArea::ratePer1000).sorted().distinct().toList();
        double[] breaks = Classes.quantileBreaks(rates, MapSvg.CHOROPLETH.size());
        var ids = new ArrayList<String>();
        var classes = new ArrayList<String>();
        for (var a : published.areas()) {
            ids.add(Long.toString(a.areaId()));
            int cls = a.hidden() != SmallCounts.Hidden.NO ? MapSvg.HIDDEN
                    : a.ratePer1000() == null ? MapSvg.UNKNOWN : Classes.classOf(a.ratePer1000(), breaks);
            classes.add(Integer.toString(cls));
        }
        svg.choropleth(shapes(view, Layer.CHOROPLETH, Map.of("ids", ids.toArray(String[]::new),
                "classes", classes.toArray(String[]::new)), null), breaks, rates.isEmpty() ? 0 : rates.get(0));
    }

    /** The clusters a layer draws (cached with the analysis page's), with the eps they were made with. */
    public Clusters.Result clusters(long projectId, ClustersLayer layer) {
        return analyses.run(clusters, projectId, new ClusterParameters(layer.eps(), layer.minPoints(), Selection.ALL));
    }

    private void clusters(Request r, View view, ClustersLayer layer, MapSvg.Layers svg) {
        var result = clusters(r.projectId(), layer);
        var outlines = result.clusters().stream().map(Clusters.Cluster::outline).toArray(String[]::new);
        var numbers = result.clusters().stream().map(c -> Integer.toString(c.number())).toArray(String[]::new);
        svg.clusters(shapes(view, Layer.SHAPES_FROM_JSON, Map.of("kind", "cluster", "outlines", outlines,
                "classes", new String[outlines.length], "labels", numbers), null));
    }

    /**
     * A vote's items, through the budgets' results service: funded or not under the vote's own rule
     * once closed (counted now if it was not yet), items only while upcoming or open. A vote of
     * another project is not found, as if it did not exist.
     */
    private void vote(Request r, View view, VoteLayer layer, MapSvg.Layers svg) {
        var facts = results.facts(layer.voteId());
        if (facts.projectId() != r.projectId()) {
            throw ApiError.notFound("Vote " + layer.voteId());
        }
        String[] funded = new String[0];
        if (facts.closed()) {
            facts = results.counted(layer.voteId());
            funded = results.read(layer.voteId(), facts.rule()).stream().flatMap(p -> p.items().stream())
                    .filter(Results.ItemResult::funded).map(i -> Long.toString(i.itemId())).toArray(String[]::new);
        }
        svg.vote(shapes(view, Layer.VOTE, Map.of("vote", layer.voteId(), "project", r.projectId(),
                "counted", facts.closed(), "funded", funded), null), facts.closed() ? facts.rule().wireName() : null);
    }

    /** Gi* on hexagons with a distance band of the largest nearest-neighbour distance (the API's default). */
    private void hotspots(Request r, View view, HotspotsLayer layer, MapSvg.Layers svg) {
        double size = layer.size() != null ? layer.size() : hexBins.defaultSize(r.projectId());
        var units = SpatialUnits.hexagons(
                analyses.run(hexBins, r.projectId(), new HexBinParameters(size, Selection.ALL)));
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
        svg.hotspots(shapes(view, Layer.SHAPES_FROM_JSON, Map.of("kind", "hexagon", "outlines", outlines,
                "classes", classes, "labels", new String[outlines.length]), null));
    }

    /** The statuses a map of all public proposals shows. */
    public static final List<Status> PUBLIC_STATUSES = List.of(Status.PUBLISHED, Status.UNDER_CONSIDERATION,
            Status.ACCEPTED, Status.REJECTED, Status.REALISED);
}
