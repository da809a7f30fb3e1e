package nl.plein.gisdata.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nl.plein.gisdata.demo.DemoDataset.Area;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Draws the municipality of Vijverdal and divides it into neighbourhoods.
 *
 * <p>The outline is a noisy ellipse of about 6 × 5 km, cut straight on one side the way polder
 * towns end at a canal. Neighbourhoods are the Voronoi cells of seeded sites, denser towards the
 * centre (old towns have small central neighbourhoods), clipped to the outline.
 */
final class TownGenerator {

    private static final double SEMI_AXIS_EAST = 3000;
    private static final double SEMI_AXIS_NORTH = 2500;
    private static final int OUTLINE_VERTICES = 84;
    private static final double CANAL_BEARING = StrictMath.toRadians(50);
    private static final double CANAL_DISTANCE = 2150;
    private static final double CENTRAL_RADIUS = 1100;

    private final Rng rng;
    private final Frame frame;

    TownGenerator(Rng rng, Frame frame) {
        this.rng = rng;
        this.frame = frame;
    }

    Town generate() {
        Polygon outlineMetres = outlineMetres();
        // Snap the outline to the grid once; every cell is clipped against this same snapped ring.
        Polygon outline = (Polygon) GeometryPrecisionReducer.reduce(frame.toLonLat(outlineMetres), Frame.GRID);
        List<Coordinate> sites = sites(outlineMetres, rng.between(28, 34));

        VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
        voronoi.setSites(sites);
        Envelope clip = new Envelope(outlineMetres.getEnvelopeInternal());
        clip.expandBy(3000);
        voronoi.setClipEnvelope(clip);
        Geometry cells = voronoi.getDiagram(Frame.METRES);

        List<Cell> clipped = new ArrayList<>();
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            Geometry cell = cells.getGeometryN(i);
            Coordinate site = (Coordinate) cell.getUserData();
            // Fixed-precision overlay: results land on the same grid as the outline, so adjacent
            // cells keep identical shared edges instead of overlapping by rounding noise.
            Geometry part = OverlayNG.overlay(frame.toLonLat(cell), outline, OverlayNG.INTERSECTION, Frame.GRID);
            // Normalised (canonical ring order and start vertex), so the output does not depend on
            // how the overlay happened to walk the rings.
            MultiPolygon geom = (MultiPolygon) Frame.asMultiPolygon(part).norm();
            if (geom.isEmpty() || !geom.isValid()) {
                throw new IllegalStateException("neighbourhood cell around " + site + " is empty or invalid");
            }
            clipped.add(new Cell(site, geom, wijk(site)));
        }
        Geometry[] coverage = clipped.stream().map(Cell::geom).toArray(Geometry[]::new);
        if (!CoverageValidator.isValid(coverage)) {
            throw new IllegalStateException("neighbourhoods overlap or their shared edges do not match");
        }
        // The municipality is exactly the union of its neighbourhoods (as with real CBS boundaries).
        // Using the union rather than the drawn outline avoids centimetre slivers where rounding
        // the cells to the grid moved the outline by a fraction of a grid step.
        Geometry union = CoverageUnion.union(coverage);
        if (!(union instanceof Polygon municipality) || municipality.getNumInteriorRing() > 0) {
            throw new IllegalStateException("neighbourhoods do not form one municipality without gaps");
        }
        return new Town(outlineMetres, (MultiPolygon) Frame.asMultiPolygon(municipality).norm(), describe(clipped));
    }

    private record Cell(Coordinate site, MultiPolygon geom, int wijk) {}

    /** A star-shaped noisy ellipse (so it is always a simple polygon), cut by a straight canal. */
    private Polygon outlineMetres() {
        double[] phase = new double[6];
        for (int j = 2; j < phase.length; j++) {
            phase[j] = rng.uniform(0, 2 * StrictMath.PI);
        }
        double[] amplitude = {0, 0, 0.07, 0.05, 0.03, 0.02};
        Coordinate[] ring = new Coordinate[OUTLINE_VERTICES + 1];
        for (int k = 0; k < OUTLINE_VERTICES; k++) {
            // Jitter stays below half a step, so angles keep increasing and the ring cannot cross itself.
            double theta = 2 * StrictMath.PI * (k + rng.uniform(-0.3, 0.3)) / OUTLINE_VERTICES;
            double cos = StrictMath.cos(theta);
            double sin = StrictMath.sin(theta);
            double ellipse = SEMI_AXIS_EAST * SEMI_AXIS_NORTH
                    / StrictMath.sqrt(sq(SEMI_AXIS_NORTH * cos) + sq(SEMI_AXIS_EAST * sin));
            double factor = 1 + rng.uniform(-0.012, 0.012);
            for (int j = 2; j < phase.length; j++) {
                factor += amplitude[j] * StrictMath.sin(j * theta + phase[j]);
            }
            ring[k] = new Coordinate(ellipse * factor * cos, ellipse * factor * sin);
        }
        ring[OUTLINE_VERTICES] = ring[0].copy();
        Polygon star = Frame.METRES.createPolygon(ring);

        // Everything on the town side of the canal: u <= CANAL_DISTANCE along the canal's normal.
        double ux = StrictMath.cos(CANAL_BEARING);
        double uy = StrictMath.sin(CANAL_BEARING);
        double far = 20_000;
        Coordinate[] halfPlane = {
            corner(ux, uy, CANAL_DISTANCE, -far), corner(ux, uy, CANAL_DISTANCE, far),
            corner(ux, uy, -far, far), corner(ux, uy, -far, -far), corner(ux, uy, CANAL_DISTANCE, -far)};
        Geometry cut = star.intersection(Frame.METRES.createPolygon(halfPlane));
        return (Polygon) cut; // the centre is on both sides' inner side, so the result is one polygon
    }

    private static Coordinate corner(double ux, double uy, double u, double v) {
        return new Coordinate(u * ux - v * uy, u * uy + v * ux);
    }

    /**
     * Best-candidate sampling: each new site is the candidate furthest from existing sites, with
     * distance discounted away from the centre so central neighbourhoods come out smaller.
     */
    private List<Coordinate> sites(Polygon outline, int count) {
        PreparedGeometry inside = PreparedGeometryFactory.prepare(outline);
        Geometry boundary = outline.getExteriorRing();
        Envelope env = outline.getEnvelopeInternal();
        List<Coordinate> sites = new ArrayList<>();
        while (sites.size() < count) {
            Coordinate best = null;
            double bestScore = -1;
            for (int c = 0; c < 12; c++) {
                Coordinate candidate = new Coordinate(
                        rng.uniform(env.getMinX(), env.getMaxX()), rng.uniform(env.getMinY(), env.getMaxY()));
                var point = Frame.METRES.createPoint(candidate);
                if (!inside.contains(point) || boundary.distance(point) < 120) {
                    continue;
                }
                double nearest = Double.MAX_VALUE;
                for (Coordinate s : sites) {
                    nearest = Math.min(nearest, s.distance(candidate));
                }
                double score = nearest / (1 + StrictMath.hypot(candidate.x, candidate.y) / 3000);
                if (score > bestScore) {
                    bestScore = score;
                    best = candidate;
                }
            }
            if (best != null) {
                sites.add(best);
            }
        }
        return sites;
    }

    /** CBS-style wijk number: 1 for the centre, then 2–5 for north, west, south, east. */
    private static int wijk(Coordinate site) {
        if (StrictMath.hypot(site.x, site.y) < CENTRAL_RADIUS) {
            return 1;
        }
        double degrees = StrictMath.toDegrees(StrictMath.atan2(site.y, site.x));
        double bearing = degrees < 0 ? degrees + 360 : degrees;
        if (bearing >= 45 && bearing < 135) {
            return 2;
        } else if (bearing >= 135 && bearing < 225) {
            return 3;
        } else if (bearing >= 225 && bearing < 315) {
            return 4;
        }
        return 5;
    }

    /** Codes, names and populations, in code order. */
    private List<Area> describe(List<Cell> cells) {
        List<Cell> ordered = new ArrayList<>(cells);
        ordered.sort(Comparator.comparingInt(Cell::wijk)
                .thenComparingDouble(c -> StrictMath.atan2(c.site().y, c.site().x)));

        List<String> names = new ArrayList<>(Names.NEIGHBOURHOODS);
        for (int i = names.size() - 1; i > 0; i--) { // Fisher–Yates with our own stream
            int j = rng.nextInt(i + 1);
            names.set(i, names.set(j, names.get(i)));
        }
        var centre = Frame.LONLAT.createPoint(new Coordinate(Frame.CENTRE_LON, Frame.CENTRE_LAT));

        List<Area> areas = new ArrayList<>();
        int[] perWijk = new int[6];
        int nextName = 0;
        for (Cell cell : ordered) {
            // Locale.ROOT: some locales format digits with other scripts, and the output must never vary.
            String code = String.format(Locale.ROOT, "BU9999%02d%02d", cell.wijk(), ++perWijk[cell.wijk()]);
            String name = cell.geom().covers(centre) ? Names.CENTRE_NEIGHBOURHOOD : names.get(nextName++);
            areas.add(new Area(code, name, population(cell), cell.geom()));
        }
        // A few neighbourhoods have no published figure (too few residents to publish, or new).
        for (int hidden = 0; hidden < 3; ) {
            int i = rng.nextInt(areas.size());
            Area a = areas.get(i);
            if (a.population() != null && !a.name().equals(Names.CENTRE_NEIGHBOURHOOD)) {
                areas.set(i, new Area(a.code(), a.name(), null, a.geom()));
                hidden++;
            }
        }
        return areas;
    }

    /** Density falls off from the centre; clamped to what a Dutch buurt typically has. */
    private int population(Cell cell) {
        double km = StrictMath.hypot(cell.site().x, cell.site().y) / 1000;
        double density = (1800 + 5200 * StrictMath.exp(-sq(km / 1.6))) * rng.logNormal(0.25);
        double people = frame.squareMetres(cell.geom()) / 1e6 * density;
        return (int) Math.max(500, Math.min(6000, Math.round(people)));
    }

    private static double sq(double v) {
        return v * v;
    }
}
