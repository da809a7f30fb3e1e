-- A new named place, returned as a GeoJSON Feature. Parameters: :project, :name, :point (WKB, EPSG:4326).
INSERT INTO places (project_id, name, geom)
VALUES (:project, :name, ST_GeomFromWKB(:point, 4326))
RETURNING json_build_object(
              'type', 'Feature',
              'id', 'place-' || id,
              'geometry', ST_AsGeoJSON(geom, 7)::json,
              'properties', json_build_object('kind', 'place', 'name', name, 'id', id,
                                              'projectId', project_id))::text
