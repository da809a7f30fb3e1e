package nl.plein.places;

import java.util.List;
import javax.sql.DataSource;
import nl.plein.db.Sql;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBWriter;

/** Named places of a project, and the list of locations a resident can choose without the map. */
public final class PlaceStore {
    private static final String CHOICES = Sql.load(PlaceStore.class, "choices.sql");

    private final DataSource dataSource;

    public PlaceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The project's places and the neighbourhoods in it, as GeoJSON Features sorted by kind and name. */
    public List<String> choices(long projectId) {
        return Sql.read(dataSource, c -> Sql.list(c, CHOICES, rs -> rs.getString(1), projectId, projectId));
    }

    /** Adds a named place and returns it as a GeoJSON Feature. */
    public String add(long projectId, String name, Point point) {
        return Sql.transaction(dataSource, c -> Sql.one(c, """
                INSERT INTO places (project_id, name, geom) VALUES (?, ?, ST_GeomFromWKB(?, 4326))
                RETURNING json_build_object('type', 'Feature', 'id', 'place-' || id,
                    'geometry', ST_AsGeoJSON(geom, 7)::json,
                    'properties', json_build_object('kind', 'place', 'name', name, 'id', id,
                                                    'projectId', project_id))::text""",
                rs -> rs.getString(1), projectId, name, new WKBWriter().write(point)).orElseThrow());
    }
}
