package nl.plein.geo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.plein.http.ApiError;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Reads an RFC 7946 GeoJSON geometry into JTS, strictly, naming the exact coordinate at fault:
 * positions of two (or three) finite numbers in lon/lat range, lines of two or more positions,
 * closed rings of four or more, and no more vertices than the configured maximum.
 */
public final class GeoJsonReader {
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final Set<String> MEMBERS = Set.of("type", "coordinates", "bbox");

    private final int maxVertices;
    private int vertices;

    private GeoJsonReader(int maxVertices) {
        this.maxVertices = maxVertices;
    }

    public static Geometry read(JsonNode node, String field, int maxVertices) {
        return new GeoJsonReader(maxVertices).geometry(node, field);
    }

    private Geometry geometry(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            throw ApiError.invalid(field, "is required");
        }
        if (!node.isObject()) {
            throw ApiError.invalid(field, "must be a GeoJSON geometry object");
        }
        var names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw ApiError.invalid(field + "." + name, "unknown member of a GeoJSON geometry"
                        + (name.equals("crs") ? " (RFC 7946 coordinates are always WGS 84 lon/lat)" : ""));
            }
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw ApiError.invalid(field + ".type", "is required: Point, LineString, Polygon, MultiPoint, "
                    + "MultiLineString or MultiPolygon");
        }
        JsonNode coordinates = node.get("coordinates");
        String at = field + ".coordinates";
        if (coordinates == null || coordinates.isNull()) {
            throw ApiError.invalid(at, "is required");
        }
        return switch (type.textValue()) {
            case "Point" -> FACTORY.createPoint(position(coordinates, at));
            case "LineString" -> line(coordinates, at);
            case "Polygon" -> polygon(coordinates, at);
            case "MultiPoint" -> FACTORY.createMultiPoint(array(coordinates, at, 1).stream()
                    .map(i -> FACTORY.createPoint(position(coordinates.get(i), at + "[" + i + "]")))
                    .toArray(Point[]::new));
            case "MultiLineString" -> FACTORY.createMultiLineString(array(coordinates, at, 1).stream()
                    .map(i -> line(coordinates.get(i), at + "[" + i + "]")).toArray(LineString[]::new));
            case "MultiPolygon" -> FACTORY.createMultiPolygon(array(coordinates, at, 1).stream()
                    .map(i -> polygon(coordinates.get(i), at + "[" + i + "]")).toArray(Polygon[]::new));
            case "GeometryCollection" -> throw ApiError.invalid(field + ".type",
                    "GeometryCollection is not accepted; use a Multi- geometry");
            default -> throw ApiError.invalid(field + ".type", "'" + type.textValue()
                    + "' is not a GeoJSON geometry type");
        };
    }

    private LineString line(JsonNode node, String at) {
        Coordinate[] points = positions(node, at, 2);
        if (distinct(points) < 2) {
            throw ApiError.invalid(at, "a line needs at least two different positions");
        }
        return FACTORY.createLineString(points);
    }

    private Polygon polygon(JsonNode node, String at) {
        List<Integer> ringIndexes = array(node, at, 1);
        LinearRing shell = ring(node.get(0), at + "[0]");
        LinearRing[] holes = ringIndexes.stream().skip(1)
                .map(i -> ring(node.get(i), at + "[" + i + "]")).toArray(LinearRing[]::new);
        return FACTORY.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode node, String at) {
        Coordinate[] points = positions(node, at, 4);
        if (!points[0].equals2D(points[points.length - 1])) {
            throw ApiError.invalid(at, "the ring is not closed: its last position must equal its first");
        }
        if (distinct(points) < 3) {
            throw ApiError.invalid(at, "a ring needs at least three different positions");
        }
        return FACTORY.createLinearRing(points);
    }

    private Coordinate[] positions(JsonNode node, String at, int min) {
        List<Integer> indexes = array(node, at, min);
        Coordinate[] points = new Coordinate[indexes.size()];
        for (int i : indexes) {
            points[i] = position(node.get(i), at + "[" + i + "]");
        }
        return points;
    }

    private List<Integer> array(JsonNode node, String at, int min) {
        if (!node.isArray()) {
            throw ApiError.invalid(at, "must be an array");
        }
        if (node.size() < min) {
            throw ApiError.invalid(at, "has " + node.size() + " element(s), at least " + min + " needed");
        }
        var indexes = new ArrayList<Integer>(node.size());
        for (int i = 0; i < node.size(); i++) {
            indexes.add(i);
        }
        return indexes;
    }

    private Coordinate position(JsonNode node, String at) {
        if (!node.isArray() || node.size() < 2 || node.size() > 3) {
            throw ApiError.invalid(at, "a position must be an array [longitude, latitude]");
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isNumber()) {
                throw ApiError.invalid(at + "[" + i + "]", "must be a number");
            }
        }
        double lon = node.get(0).doubleValue();
        double lat = node.get(1).doubleValue();
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw ApiError.invalid(at + "[0]", "longitude must lie in [-180, 180], not " + node.get(0).asText());
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw ApiError.invalid(at + "[1]", "latitude must lie in [-90, 90], not " + node.get(1).asText());
        }
        if (++vertices > maxVertices) {
            throw ApiError.invalid(at, "the geometry has more than " + maxVertices + " vertices");
        }
        return new Coordinate(lon, lat);
    }

    private static int distinct(Coordinate[] points) {
        return (int) java.util.Arrays.stream(points).map(c -> c.x + "," + c.y).distinct().count();
    }
}
