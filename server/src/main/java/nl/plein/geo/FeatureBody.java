package nl.plein.geo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import nl.plein.http.ApiError;
import nl.plein.http.Fields;
import org.locationtech.jts.geom.Geometry;

/**
 * A request body that is one GeoJSON Feature: {@code {"type":"Feature","geometry":…,"properties":…}}.
 * The properties object is read strictly, by the names the caller allows.
 */
public record FeatureBody(Optional<Geometry> geometry, Fields properties) {

    public static FeatureBody read(JsonNode body, boolean geometryRequired, int maxVertices,
                                   String... allowedProperties) {
        JsonNode type = body.isObject() ? body.get("type") : null;
        if (body.isObject() && (type == null || !type.isTextual() || !type.textValue().equals("Feature"))) {
            throw ApiError.invalid("type", "must be \"Feature\": send a GeoJSON Feature with the geometry and "
                    + "its properties");
        }
        Fields feature = Fields.of(body, "type", "geometry", "properties", "id", "bbox");
        if (feature.has("id")) {
            throw ApiError.invalid("id", "is assigned by Plein; leave it out");
        }
        Optional<JsonNode> geometryNode = feature.raw("geometry").filter(g -> !g.isNull());
        if (geometryRequired && geometryNode.isEmpty()) {
            throw ApiError.invalid("geometry", "is required");
        }
        Optional<Geometry> geometry = geometryNode.map(g -> GeoJsonReader.read(g, "geometry", maxVertices));
        return new FeatureBody(geometry, feature.object("properties", allowedProperties));
    }
}
