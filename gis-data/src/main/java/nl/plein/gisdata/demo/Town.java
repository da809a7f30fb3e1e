package nl.plein.gisdata.demo;

import java.util.List;
import nl.plein.gisdata.demo.DemoDataset.Area;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The generated municipality: its neighbourhoods, which tile it, and its outline: as designed in
 * the metre frame (used to place things), and in lon/lat as the union of the neighbourhoods.
 */
final class Town {

    private final Polygon outlineMetres;
    private final MultiPolygon outline;
    private final List<Area> areas;
    private final List<PreparedGeometry> preparedAreas;

    Town(Polygon outlineMetres, MultiPolygon outline, List<Area> areas) {
        this.outlineMetres = outlineMetres;
        this.outline = outline;
        this.areas = List.copyOf(areas);
        this.preparedAreas = this.areas.stream().map(a -> PreparedGeometryFactory.prepare(a.geom())).toList();
    }

    Polygon outlineMetres() {
        return outlineMetres;
    }

    /** The municipal boundary in lon/lat: exactly the union of the neighbourhoods. */
    MultiPolygon outline() {
        return outline;
    }

    List<Area> areas() {
        return areas;
    }

    /**
     * The neighbourhood a geometry lies in, judged by a point guaranteed to be inside it, the way
     * one would label a drawing on a map; null if it is outside the town.
     */
    Integer areaIndexAt(Geometry lonLat) {
        Point inside = lonLat.getInteriorPoint();
        for (int i = 0; i < preparedAreas.size(); i++) {
            if (preparedAreas.get(i).covers(inside)) {
                return i;
            }
        }
        return null;
    }
}
