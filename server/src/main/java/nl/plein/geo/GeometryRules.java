package nl.plein.geo;

import java.util.Set;
import java.util.stream.Collectors;
import nl.plein.http.ApiError;
import nl.plein.http.Choices;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;

/** Checks a drawn geometry against OGC validity and a project's rules, naming the field at fault. */
public final class GeometryRules {
    private GeometryRules() {
    }

    /** Self-intersections, spikes and badly nested holes are refused with JTS's reason and location. */
    public static void requireValid(Geometry geometry, String field) {
        var op = new IsValidOp(geometry);
        var error = op.getValidationError();
        if (error != null) {
            var c = error.getCoordinate();
            throw ApiError.invalid(field, "invalid geometry: " + error.getMessage().toLowerCase()
                    + (c == null ? "" : " at [" + c.x + ", " + c.y + "]"));
        }
    }

    public static void requireKind(Geometry geometry, String field, Set<GeometryKind> allowed) {
        GeometryKind kind = GeometryKind.of(geometry);
        if (!allowed.contains(kind)) {
            throw ApiError.invalid(field, "this project accepts " + allowed.stream().sorted()
                    .map(Choices::wire).collect(Collectors.joining(", ")) + " geometries, not a "
                    + Choices.wire(kind) + " (" + geometry.getGeometryType() + ")");
        }
    }

    public static void requireInside(Geometry geometry, String field, Geometry area) {
        if (!area.covers(geometry)) {
            throw ApiError.invalid(field, "the geometry lies (partly) outside the project's area");
        }
    }

    /** The full check for anything a resident draws in a project. */
    public static void check(Geometry geometry, String field, Set<GeometryKind> allowed, Geometry area) {
        requireValid(geometry, field);
        requireKind(geometry, field, allowed);
        requireInside(geometry, field, area);
    }
}
