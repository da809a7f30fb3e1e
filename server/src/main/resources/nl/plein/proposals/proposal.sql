-- One proposal (:id) as a GeoJSON Feature, serialised by PostgreSQL, if the viewer may see it
-- (<visible>, with its :staff and :viewer; :viewer also says "supportedByMe", -1 for nobody), its
-- geometry exact and its decisions, oldest first, as the last property. The properties are those
-- of proposal-feature.sql (the list), written the same way; keep the two alike.
-- A statement of its own rather than the list's narrowed to one id: once pgjdbc prepares it on the
-- server PostgreSQL keeps one generic plan for it, whereas the list's statement, general over its
-- bound values (:tolerance, :withDecisions, :limit), kept being planned anew at every execution,
-- and for one proposal that planning cost about four times the reading itself.
SELECT p.id,
       json_build_object(
           'type', 'Feature',
           'id', p.id,
           'geometry', ST_AsGeoJSON(p.geom, 7)::json,
           'properties', (
                   -- The decisions stay out of json_strip_nulls (the first one's "from" is null):
                   -- json_each hands back each property as PostgreSQL wrote it, in its order.
                   SELECT json_object_agg(e.key, e.value ORDER BY e.n)
                     FROM (SELECT x.key, x.value, x.n
                             FROM json_each(props.json) WITH ORDINALITY AS x (key, value, n)
                           UNION ALL
                           SELECT 'decisions', coalesce(json_agg(json_build_object(
                                      'from', d.from_status,
                                      'to', d.to_status,
                                      'reason', d.reason,
                                      'decidedAt', d.decided_at) ORDER BY d.id), '[]'::json), 2147483647
                             FROM proposal_decisions d
                            WHERE d.proposal_id = p.id) e))::text
  FROM proposals p
  JOIN accounts a ON a.id = p.author_id
  CROSS JOIN LATERAL (SELECT json_strip_nulls(json_build_object(
               'id', p.id,
               'projectId', p.project_id,
               'title', p.title,
               'description', p.description,
               'category', p.category,
               -- no kind for a proposal about the whole area (no geometry; locationMethod whole_area)
               'kind', CASE WHEN p.geom IS NULL THEN NULL
                            WHEN GeometryType(p.geom) IN ('POINT', 'MULTIPOINT') THEN 'point'
                            WHEN GeometryType(p.geom) IN ('LINESTRING', 'MULTILINESTRING') THEN 'line'
                            ELSE 'polygon' END,
               'status', p.status,
               'locationMethod', p.location_method,
               'author', json_build_object('id', a.id, 'displayName', a.display_name),
               -- its neighbourhood in the newest neighbourhood-level boundary set
               'areaId', (SELECT pl.area_id FROM placements pl
                           WHERE pl.drawing = 'proposal' AND pl.drawing_id = p.id
                             AND pl.area_set_id = (SELECT max(s.id) FROM area_sets s WHERE s.kind = 'neighbourhood')),
               'supportCount', p.support_count,
               'supportedByMe', CASE WHEN :viewer::bigint > 0 THEN EXISTS (
                                    SELECT 1 FROM supports s
                                     WHERE s.proposal_id = p.id AND s.account_id = :viewer::bigint)
                                END,
               'commentCount', (SELECT count(*) FROM comments c
                                 WHERE c.proposal_id = p.id AND NOT c.hidden AND NOT c.withdrawn),
               'variantCount', (SELECT count(*) FROM variants v
                                 WHERE v.proposal_id = p.id AND NOT v.hidden AND NOT v.withdrawn),
               'hidden', CASE WHEN p.hidden THEN true END,
               'withdrawn', CASE WHEN p.withdrawn THEN true END,
               'createdAt', p.created_at,
               'updatedAt', p.updated_at)) AS json) props
 WHERE p.id = :id AND <visible>
