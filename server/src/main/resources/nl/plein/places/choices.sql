-- What a resident can pick as a location without the map, as GeoJSON Features: the project's
-- named places, and the neighbourhoods (of the newest boundary set) that reach into the project,
-- each as a point inside the part that lies in the project area. Parameter: :project.
WITH project AS (
    SELECT area FROM projects WHERE id = :project
), choices AS (
    SELECT 'place' AS kind, pl.name, NULL::text AS code, pl.id AS place_id, NULL::bigint AS area_id,
           pl.geom AS geom
      FROM places pl
     WHERE pl.project_id = :project
    UNION ALL
    SELECT 'area', a.name, a.code, NULL, a.id, ST_PointOnSurface(ST_CollectionExtract(part.geom, 3))
      FROM project
      JOIN areas a ON a.geom && project.area AND ST_Intersects(a.geom, project.area)
      CROSS JOIN LATERAL (SELECT ST_Intersection(a.geom, project.area) AS geom) part
     WHERE a.area_set_id = (SELECT max(id) FROM area_sets)
       -- Neighbours that only touch the project's edge share a line with it, not an area.
       AND ST_Dimension(part.geom) = 2
)
SELECT json_build_object(
           'type', 'Feature',
           'id', kind || '-' || coalesce(place_id, area_id),
           'geometry', ST_AsGeoJSON(geom, 7)::json,
           'properties', json_strip_nulls(json_build_object(
               'kind', kind,
               'name', name,
               'id', place_id,
               'code', code,
               'areaId', area_id)))::text
  FROM choices
 ORDER BY kind, name, coalesce(place_id, area_id)
