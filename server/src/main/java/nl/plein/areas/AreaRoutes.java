package nl.plein.areas;

import io.javalin.http.Context;
import javax.sql.DataSource;
import nl.plein.db.Sql;
import nl.plein.http.GeoJson;
import nl.plein.http.Query;

/**
 * Neighbourhood boundaries, for choosing a home area and for analysis. Boundary sets are versioned:
 * without {@code set}, the newest set is listed.
 */
public final class AreaRoutes {
    private static final String FEATURES = """
            SELECT json_build_object('type', 'Feature', 'id', a.id,
                       'geometry', ST_AsGeoJSON(a.geom, 6)::json,
                       'properties', json_build_object('id', a.id, 'code', a.code, 'name', a.name,
                           'population', a.population, 'areaSetId', a.area_set_id, 'areaSet', s.name))::text
              FROM areas a JOIN area_sets s ON s.id = a.area_set_id
             WHERE a.area_set_id = coalesce(?, (SELECT max(id) FROM area_sets))
             ORDER BY a.name, a.id""";

    private final DataSource dataSource;

    public AreaRoutes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void list(Context ctx) {
        var query = Query.of(ctx, "set");
        var set = query.id("set");
        GeoJson.collection(ctx, Sql.read(dataSource, c -> Sql.list(c, FEATURES, rs -> rs.getString(1), set)), null);
    }
}
