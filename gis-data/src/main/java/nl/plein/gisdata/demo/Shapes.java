package nl.plein.gisdata.demo;

import nl.plein.gisdata.demo.ProjectPlan.Scale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * The drawings residents make, in the metre frame: a spot, a route, an outlined patch, or a few
 * of those together. Shapes are built so they are valid by construction (star-shaped rings,
 * gently turning routes); callers still validate the final lon/lat geometry.
 */
final class Shapes {

    private static final GeometryFactory F = Frame.METRES;

    private final Rng rng;

    Shapes(Rng rng) {
        this.rng = rng;
    }

    Geometry make(Kind kind, Coordinate at, Scale scale) {
        return switch (kind) {
            case POINT -> F.createPoint(at);
            case LINE -> route(at, rng.uniform(scale.lineMin(), scale.lineMax()));
            case POLYGON -> patch(at, rng.uniform(scale.radiusMin(), scale.radiusMax()));
            case MULTIPOINT -> scatter(at, scale.spread());
            case MULTILINE -> parallelRows(at, rng.uniform(scale.lineMin(), scale.lineMax()));
            case MULTIPOLYGON -> twoPatches(at, rng.uniform(scale.radiusMin(), scale.radiusMax()));
        };
    }

    /** A route that turns gently, centred on the anchor: a cycle path, a tree row, a walking path. */
    LineString route(Coordinate at, double length) {
        int segments = rng.between(1, 5);
        double step = length / segments;
        double heading = rng.uniform(0, 2 * StrictMath.PI);
        Coordinate[] points = new Coordinate[segments + 1];
        points[0] = new Coordinate(0, 0);
        for (int i = 1; i <= segments; i++) {
            heading += StrictMath.toRadians(20) * rng.gaussian();
            points[i] = new Coordinate(points[i - 1].x + step * StrictMath.cos(heading),
                    points[i - 1].y + step * StrictMath.sin(heading));
        }
        // Shift so the anchor (where the hot spot pulled the drawing) is in the middle of the route.
        Coordinate mid = points[segments / 2];
        for (Coordinate p : points) {
            p.x += at.x - mid.x;
            p.y += at.y - mid.y;
        }
        return F.createLineString(points);
    }

    /** A rotated rectangle (a playground, a terrace) or an irregular blob (a meadow, a pond edge). */
    Polygon patch(Coordinate at, double radius) {
        if (rng.chance(0.5)) {
            double halfWidth = radius * rng.uniform(0.6, 1.3);
            double halfHeight = radius * rng.uniform(0.4, 0.9);
            double angle = rng.uniform(0, StrictMath.PI);
            double cos = StrictMath.cos(angle);
            double sin = StrictMath.sin(angle);
            double[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}, {-1, -1}};
            Coordinate[] ring = new Coordinate[corners.length];
            for (int i = 0; i < corners.length; i++) {
                double u = corners[i][0] * halfWidth;
                double v = corners[i][1] * halfHeight;
                ring[i] = new Coordinate(at.x + u * cos - v * sin, at.y + u * sin + v * cos);
            }
            return F.createPolygon(ring);
        }
        int n = rng.between(6, 10);
        Coordinate[] ring = new Coordinate[n + 1];
        double start = rng.uniform(0, 2 * StrictMath.PI);
        for (int i = 0; i < n; i++) {
            // Angles strictly increase, so the ring is star-shaped around the anchor and simple.
            double theta = start + 2 * StrictMath.PI * (i + rng.uniform(-0.3, 0.3)) / n;
            double r = radius * rng.uniform(0.75, 1.25);
            ring[i] = new Coordinate(at.x + r * StrictMath.cos(theta), at.y + r * StrictMath.sin(theta));
        }
        ring[n] = ring[0].copy();
        return F.createPolygon(ring);
    }

    /** A few spots around the anchor: "benches here, here and here". */
    Geometry scatter(Coordinate at, double spread) {
        int n = rng.between(2, 5);
        Point[] points = new Point[n];
        for (int i = 0; i < n; i++) {
            points[i] = F.createPoint(new Coordinate(at.x + spread * 0.5 * rng.gaussian(),
                    at.y + spread * 0.5 * rng.gaussian()));
        }
        return F.createMultiPoint(points);
    }

    /** Two straight rows either side of a street: trees or lights on both sides. */
    Geometry parallelRows(Coordinate at, double length) {
        double heading = rng.uniform(0, StrictMath.PI);
        double dx = StrictMath.cos(heading) * length / 2;
        double dy = StrictMath.sin(heading) * length / 2;
        double gap = rng.uniform(8, 20);
        double nx = -StrictMath.sin(heading) * gap;
        double ny = StrictMath.cos(heading) * gap;
        LineString left = F.createLineString(new Coordinate[] {
            new Coordinate(at.x - dx + nx, at.y - dy + ny), new Coordinate(at.x + dx + nx, at.y + dy + ny)});
        LineString right = F.createLineString(new Coordinate[] {
            new Coordinate(at.x - dx - nx, at.y - dy - ny), new Coordinate(at.x + dx - nx, at.y + dy - ny)});
        return F.createMultiLineString(new LineString[] {left, right});
    }

    /** Two separate patches, far enough apart never to touch (each is at most 1.3 × radius). */
    Geometry twoPatches(Coordinate at, double radius) {
        double heading = rng.uniform(0, 2 * StrictMath.PI);
        double half = radius * rng.uniform(1.6, 2.4);
        double dx = StrictMath.cos(heading) * half;
        double dy = StrictMath.sin(heading) * half;
        Polygon a = patch(new Coordinate(at.x - dx, at.y - dy), radius * 0.8);
        Polygon b = patch(new Coordinate(at.x + dx, at.y + dy), radius * 0.8);
        return F.createMultiPolygon(new Polygon[] {a, b});
    }

    /**
     * Someone else's take on the same drawing: nudged, turned a little, a bit bigger or smaller.
     * An invertible affine map keeps the geometry type, and validity up to rounding (callers check).
     */
    Geometry reshape(Geometry original, Scale scale) {
        Coordinate c = original.getCentroid().getCoordinate();
        double shift = scale.spread() * rng.uniform(0.15, 0.6);
        double direction = rng.uniform(0, 2 * StrictMath.PI);
        double angle = StrictMath.toRadians(rng.uniform(-12, 12));
        double factor = rng.uniform(0.85, 1.15);
        // Each step composes after the previous one: about the centroid, scale and turn, then move.
        AffineTransformation t = new AffineTransformation()
                .translate(-c.x, -c.y)
                .scale(factor, factor)
                .rotate(StrictMath.sin(angle), StrictMath.cos(angle))
                .translate(c.x + shift * StrictMath.cos(direction), c.y + shift * StrictMath.sin(direction));
        return t.transform(original);
    }

    /** A pointer drawn in a comment: a point near part of the drawing, or a short line from it. */
    Geometry pointer(Geometry drawing) {
        Coordinate[] coords = drawing.getCoordinates();
        Coordinate base = coords[rng.nextInt(coords.length)];
        Coordinate near = new Coordinate(base.x + 6 * rng.gaussian(), base.y + 6 * rng.gaussian());
        if (rng.chance(0.6)) {
            return F.createPoint(near);
        }
        double heading = rng.uniform(0, 2 * StrictMath.PI);
        double length = rng.uniform(15, 40);
        return F.createLineString(new Coordinate[] {near,
            new Coordinate(near.x + length * StrictMath.cos(heading), near.y + length * StrictMath.sin(heading))});
    }
}
