package nl.plein.participation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.HashMap;
import java.util.Map;
import nl.plein.db.Jdbis;
import nl.plein.http.Json;
import org.jdbi.v3.core.Jdbi;

/** The outlines of a boundary set's areas, and a point inside each, for the GeoJSON exports. */
public final class AreaShapes {
    private static final String SHAPES = Jdbis.sql(AreaShapes.class, "area-shapes.sql");

    /** @param geometry the outline as PostGIS wrote it in GeoJSON, passed through as it is */
    public record Shape(RawValue geometry, ArrayNode centre) {
    }

    private final Jdbi jdbi;

    public AreaShapes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Map<Long, Shape> read(long setId) {
        var shapes = new HashMap<Long, Shape>();
        jdbi.useHandle(h -> h.createQuery(SHAPES).bind("set", setId).map((rs, ctx) -> {
            var centre = Json.MAPPER.createArrayNode().add(round(rs.getDouble("x"))).add(round(rs.getDouble("y")));
            return Map.entry(rs.getLong("id"), new Shape(new RawValue(rs.getString("geometry")), centre));
        }).forEach(e -> shapes.put(e.getKey(), e.getValue())));
        return shapes;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
