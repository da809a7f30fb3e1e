-- One page of an areas-{set} collection, and how many match in all; parameters as in
-- proposal-items.sql. Areas have no time of their own, so datetime does not narrow them.
WITH matched AS (
    SELECT a.id
      FROM areas a
     WHERE a.area_set_id = :set
       AND (:item::bigint IS NULL OR a.id = :item::bigint)
       AND (:minx::float8 IS NULL OR ST_Intersects(a.geom, ST_Transform(
               ST_MakeEnvelope(:minx::float8, :miny::float8, :maxx::float8, :maxy::float8, :boxsrid::int), 4326)))
)
SELECT (SELECT count(*) FROM matched),
       ARRAY(SELECT json_build_object(
                 'type', 'Feature',
                 'id', a.id,
                 'geometry', ST_AsGeoJSON(ST_Transform(a.geom, :srid::int), :decimals::int)::json,
                 'properties', json_build_object(
                     'code', a.code,
                     'name', a.name,
                     'population', a.population,
                     'parentCode', a.parent_code))::text
               FROM areas a
               JOIN (SELECT id FROM matched ORDER BY id LIMIT :limit OFFSET :offset) page ON page.id = a.id
              ORDER BY a.id)
