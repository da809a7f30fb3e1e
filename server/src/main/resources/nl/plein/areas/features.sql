-- The areas of boundary set :set (the newest set when null) as GeoJSON features, PostGIS writing
-- the JSON; the set's id and name go along in the properties.
SELECT json_build_object('type', 'Feature', 'id', a.id,
           'geometry', ST_AsGeoJSON(a.geom, 6)::json,
           'properties', json_build_object('id', a.id, 'code', a.code, 'name', a.name,
               'population', a.population, 'areaSetId', a.area_set_id, 'areaSet', s.name))::text
  FROM areas a JOIN area_sets s ON s.id = a.area_set_id
 WHERE a.area_set_id = coalesce(:set::bigint, (SELECT max(id) FROM area_sets))
 ORDER BY a.name, a.id
