package nl.plein.areas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plein.support.Fixtures;

/** Boundary files for the HTTP tests, as CBS (new field names) buurten over the test project's square. */
final class Buurten {
    private Buurten() {
    }

    /** The project square (lon 5.50–5.51) split at lon 5.505 into a west and an east buurt. */
    static Map<String, Object> westAndEast() {
        return collection(buurt("BU0001", "West", 1200, 5.50, 5.505), buurt("BU0002", "Oost", 800, 5.505, 5.51));
    }

    /** One buurt holding the whole square, as a later set might merge them. */
    static Map<String, Object> merged() {
        return collection(buurt("BU0003", "Samen", 2000, 5.50, 5.51));
    }

    static Map<String, Object> buurt(String code, String name, int population, double west, double east) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("buurtcode", code);
        properties.put("buurtnaam", name);
        properties.put("aantal_inwoners", population);
        properties.put("wijkcode", "WK0001");
        return Fixtures.feature(Fixtures.polygon(west, 52.50, east, 52.50, east, 52.51, west, 52.51, west, 52.50),
                properties);
    }

    /**
     * The same square in a town's own division, as a municipality's GIS exports it: no CBS fields,
     * but "id", "naam", "inwoners" and "stadsdeel".
     */
    static Map<String, Object> ownFields() {
        return collection(own("N-17", "Havenkwartier", 640, 5.50, 5.504), own("N-18", "Molenbuurt", 0, 5.504, 5.507),
                own("N-19", "Achter de Kerk", 1375, 5.507, 5.51));
    }

    private static Map<String, Object> own(String id, String name, int population, double west, double east) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("id", id);
        properties.put("naam", name);
        properties.put("inwoners", population);
        properties.put("stadsdeel", "Centrum");
        return Fixtures.feature(Fixtures.polygon(west, 52.50, east, 52.50, east, 52.51, west, 52.51, west, 52.50),
                properties);
    }

    @SafeVarargs
    static Map<String, Object> collection(Map<String, Object>... features) {
        return Map.of("type", "FeatureCollection", "features", new ArrayList<>(List.of(features)));
    }
}
