package nl.plein.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/** What a resident may draw, as a project allows it: points, lines or areas (and their Multi- forms). */
public enum GeometryKind {
    POINT, LINE, POLYGON;

    public static GeometryKind of(Geometry geometry) {
        if (geometry instanceof Puntal) {
            return POINT;
        }
        if (geometry instanceof Lineal) {
            return LINE;
        }
        if (geometry instanceof Polygonal) {
            return POLYGON;
        }
        throw new IllegalArgumentException("Unsupported geometry " + geometry.getGeometryType());
    }
}
