-- One page of a proposals-{project} collection, and how many match in all. Only what anyone sees
-- (the visibility rule with :staff false) and nothing about the author. :item narrows to one
-- feature; :minx.. is a box in SRID :boxsrid; :since (inclusive) and :before (exclusive) bound
-- created_at. Output geometry in SRID :srid, whose axis order is the one OGC prescribes.
WITH matched AS (
    SELECT p.id
      FROM proposals p
     WHERE p.project_id = :project
       AND (:item::bigint IS NULL OR p.id = :item::bigint)
       AND %VISIBLE%
       AND (:minx::float8 IS NULL OR ST_Intersects(p.geom, ST_Transform(
               ST_MakeEnvelope(:minx::float8, :miny::float8, :maxx::float8, :maxy::float8, :boxsrid::int), 4326)))
       AND (:since::timestamptz IS NULL OR p.created_at >= :since::timestamptz)
       AND (:before::timestamptz IS NULL OR p.created_at < :before::timestamptz)
)
SELECT (SELECT count(*) FROM matched),
       ARRAY(SELECT json_build_object(
                 'type', 'Feature',
                 'id', p.id,
                 'geometry', ST_AsGeoJSON(ST_Transform(p.geom, :srid::int), :decimals::int)::json,
                 'properties', json_build_object(
                     'title', p.title,
                     'description', p.description,
                     'category', p.category,
                     'kind', CASE WHEN GeometryType(p.geom) IN ('POINT', 'MULTIPOINT') THEN 'point'
                                  WHEN GeometryType(p.geom) IN ('LINESTRING', 'MULTILINESTRING') THEN 'line'
                                  ELSE 'polygon' END,
                     'status', p.status,
                     'supportCount', p.support_count,
                     'commentCount', (SELECT count(*) FROM comments c
                                       WHERE c.proposal_id = p.id AND NOT c.hidden AND NOT c.withdrawn),
                     'variantCount', (SELECT count(*) FROM variants v
                                       WHERE v.proposal_id = p.id AND NOT v.hidden AND NOT v.withdrawn),
                     'createdAt', p.created_at,
                     'updatedAt', p.updated_at))::text
               FROM proposals p
               JOIN (SELECT id FROM matched ORDER BY id LIMIT :limit OFFSET :offset) page ON page.id = p.id
              ORDER BY p.id)
