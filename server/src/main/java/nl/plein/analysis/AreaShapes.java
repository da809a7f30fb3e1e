package nl.plein.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import nl.plein.db.Sql;
import nl.plein.http.Json;

/** The outlines of a boundary set's areas, and a point inside each, for the GeoJSON exports. */
public final class AreaShapes {
    private static final String SHAPES = """
            SELECT id, ST_AsGeoJSON(geom, 6), ST_X(p), ST_Y(p)
              FROM (SELECT id, geom, ST_PointOnSurface(geom) AS p FROM areas WHERE area_set_id = ?) a""";

    public record Shape(JsonNode geometry, ArrayNode centre) {
    }

    private final DataSource dataSource;

    public AreaShapes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Map<Long, Shape> read(long setId) {
        var shapes = new HashMap<Long, Shape>();
        Sql.read(dataSource, c -> Sql.list(c, SHAPES, rs -> {
            var centre = Json.MAPPER.createArrayNode().add(round(rs.getDouble(3))).add(round(rs.getDouble(4)));
            shapes.put(rs.getLong(1), new Shape(Json.parse(rs.getString(2).getBytes(StandardCharsets.UTF_8)), centre));
            return null;
        }, setId));
        return shapes;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
