package nl.plein.support;

import java.util.List;
import java.util.Map;

/**
 * Named geometry fixtures, as GeoJSON maps. The test project's area is a square of about
 * 700 m × 1100 m in a fictional town: lon 5.50–5.51, lat 52.50–52.51.
 */
public final class Fixtures {
    private Fixtures() {
    }

    public static Map<String, Object> polygon(double... lonLat) {
        return Map.of("type", "Polygon", "coordinates", List.of(ring(lonLat)));
    }

    public static Map<String, Object> point(double lon, double lat) {
        return Map.of("type", "Point", "coordinates", List.of(lon, lat));
    }

    public static Map<String, Object> line(double... lonLat) {
        return Map.of("type", "LineString", "coordinates", ring(lonLat));
    }

    private static List<List<Double>> ring(double... lonLat) {
        var positions = new java.util.ArrayList<List<Double>>();
        for (int i = 0; i < lonLat.length; i += 2) {
            positions.add(List.of(lonLat[i], lonLat[i + 1]));
        }
        return positions;
    }

    public static final Map<String, Object> PROJECT_AREA =
            polygon(5.50, 52.50, 5.51, 52.50, 5.51, 52.51, 5.50, 52.51, 5.50, 52.50);
    public static final Map<String, Object> INSIDE_POINT = point(5.505, 52.505);
    public static final Map<String, Object> OUTSIDE_POINT = point(5.52, 52.505);
    public static final Map<String, Object> CYCLE_ROUTE = line(5.501, 52.501, 5.503, 52.504, 5.508, 52.506);
    public static final Map<String, Object> PLAYGROUND =
            polygon(5.502, 52.502, 5.503, 52.502, 5.503, 52.503, 5.502, 52.503, 5.502, 52.502);
    /** A bow tie: its ring crosses itself. */
    public static final Map<String, Object> BOW_TIE =
            polygon(5.502, 52.502, 5.504, 52.504, 5.504, 52.502, 5.502, 52.504, 5.502, 52.502);
    /** A ring whose last position is not its first. */
    public static final Map<String, Object> UNCLOSED =
            Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(5.502, 52.502), List.of(5.503, 52.502),
                    List.of(5.503, 52.503), List.of(5.502, 52.503))));

    public static Map<String, Object> feature(Object geometry, Map<String, Object> properties) {
        var feature = new java.util.LinkedHashMap<String, Object>();
        feature.put("type", "Feature");
        feature.put("geometry", geometry);
        feature.put("properties", properties);
        return feature;
    }

    /** A project body as an admin posts it. */
    public static Map<String, Object> project(String title, List<String> kinds, boolean premoderation) {
        return feature(PROJECT_AREA, Map.of("title", title, "summary", "A test project",
                "categories", List.of("green", "traffic", "play"), "geometryKinds", kinds,
                "premoderation", premoderation,
                "schedule", Map.of("think", Map.of("startsOn", "2026-01-01", "endsOn", "2026-03-31"))));
    }

    public static Map<String, Object> proposal(Object geometry, String title) {
        return feature(geometry, Map.of("title", title, "description", "Because it helps", "category", "green"));
    }
}
