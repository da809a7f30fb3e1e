-- One page of a collection, and how many features match in all. <source> in the WITH is
-- the collection's statement (proposals.sql, areas.sql, ...): every public feature of its owner :owner, as
-- id, geom (EPSG:4326), created_at and properties. :item narrows to one feature; :minx.. is a box
-- in SRID :boxsrid; :since (inclusive) and :before (exclusive) bound created_at, and features
-- without a time of their own (areas) are not narrowed by it. The box gets a vertex every 1000
-- units before it is transformed: an RD New edge of 10 km, transformed by its ends alone, would be
-- off by 2.5 m in its middle (about 2.5 cm this way); in degrees it adds nothing. Geometry comes out
-- in SRID :srid, its axes swapped when :flip (EPSG:4326 puts latitude first).
WITH candidates AS NOT MATERIALIZED (<source>),
matched AS (
    SELECT f.id
      FROM candidates f
     WHERE (:item::bigint IS NULL OR f.id = :item::bigint)
       AND (:minx::float8 IS NULL OR ST_Intersects(f.geom, ST_Transform(ST_Segmentize(
               ST_MakeEnvelope(:minx::float8, :miny::float8, :maxx::float8, :maxy::float8, :boxsrid::int), 1000), 4326)))
       AND (:since::timestamptz IS NULL OR f.created_at IS NULL OR f.created_at >= :since::timestamptz)
       AND (:before::timestamptz IS NULL OR f.created_at IS NULL OR f.created_at < :before::timestamptz)
)
SELECT (SELECT count(*) FROM matched),
       ARRAY(SELECT json_build_object(
                 'type', 'Feature',
                 'id', f.id,
                 'geometry', ST_AsGeoJSON(CASE WHEN :flip::boolean THEN ST_FlipCoordinates(ST_Transform(f.geom, :srid::int))
                                               ELSE ST_Transform(f.geom, :srid::int) END, :decimals::int)::json,
                 'properties', f.properties)::text
               FROM candidates f
               JOIN (SELECT id FROM matched ORDER BY id LIMIT :limit OFFSET :offset) page ON page.id = f.id
              ORDER BY f.id)
