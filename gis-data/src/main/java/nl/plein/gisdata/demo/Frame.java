package nl.plein.gisdata.demo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.GeometryFilter;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * The local frame the generator draws in, and the way out of it to lon/lat.
 *
 * <p>Shapes are designed in metres east/north of the town centre, because "a bench 20 m from the
 * fountain" is easy to reason about in metres and awkward in degrees. Over a 6 km town a linear
 * (equirectangular) mapping around the centre is off by at most a metre or two, which no demo
 * reader will notice; being affine, it keeps straight edges straight and simple shapes simple.
 */
final class Frame {

    /** Town centre: invented town in rural Flevoland. */
    static final double CENTRE_LON = 5.55;
    static final double CENTRE_LAT = 52.50;

    /** Boundaries are snapped to this grid (1e-7 degree, about 1 cm) so neighbours share vertices. */
    static final PrecisionModel GRID = new PrecisionModel(1e7);

    /** Factory for the planar drawing space (metres, no SRID). */
    static final GeometryFactory METRES = new GeometryFactory(new PrecisionModel(), 0);

    /** Factory for everything the database sees. */
    static final GeometryFactory LONLAT = new GeometryFactory(new PrecisionModel(), 4326);

    private final double metresPerDegreeLon;
    private final double metresPerDegreeLat;
    private final AffineTransformation toLonLat;

    Frame() {
        // Standard series for the length of a degree on the WGS84 ellipsoid at the centre latitude.
        double phi = StrictMath.toRadians(CENTRE_LAT);
        metresPerDegreeLat = 111_132.954 - 559.822 * StrictMath.cos(2 * phi) + 1.175 * StrictMath.cos(4 * phi);
        metresPerDegreeLon = 111_412.84 * StrictMath.cos(phi) - 93.5 * StrictMath.cos(3 * phi);
        toLonLat = new AffineTransformation(
                1 / metresPerDegreeLon, 0, CENTRE_LON,
                0, 1 / metresPerDegreeLat, CENTRE_LAT);
    }

    /** A copy of a metre-space geometry in lon/lat (SRID 4326). Validity is checked by callers. */
    Geometry toLonLat(Geometry metres) {
        Geometry copy = LONLAT.createGeometry(metres);
        copy.apply(toLonLat);
        copy.geometryChanged();
        return copy;
    }

    /** Rough area in square metres of a lon/lat geometry (good enough for population densities). */
    double squareMetres(Geometry lonLat) {
        return lonLat.getArea() * metresPerDegreeLon * metresPerDegreeLat;
    }

    /** Distance in metres from the town centre to the centroid of a lon/lat geometry. */
    double metresFromCentre(Geometry lonLat) {
        var c = lonLat.getCentroid();
        return StrictMath.hypot((c.getX() - CENTRE_LON) * metresPerDegreeLon, (c.getY() - CENTRE_LAT) * metresPerDegreeLat);
    }

    /** Distance in metres between the centroids of two lon/lat geometries. */
    double metresBetween(Geometry a, Geometry b) {
        var p = a.getCentroid();
        var q = b.getCentroid();
        return StrictMath.hypot((p.getX() - q.getX()) * metresPerDegreeLon, (p.getY() - q.getY()) * metresPerDegreeLat);
    }

    /** The polygonal parts of a geometry as one MultiPolygon, as the schema's columns require. */
    static MultiPolygon asMultiPolygon(Geometry geometry) {
        List<Polygon> parts = new ArrayList<>();
        geometry.apply((GeometryFilter) part -> {
            if (part instanceof Polygon polygon && !polygon.isEmpty()) {
                parts.add(polygon);
            }
        });
        return geometry.getFactory().createMultiPolygon(parts.toArray(new Polygon[0]));
    }
}
