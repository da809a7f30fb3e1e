-- Proposals as GeoJSON Features, serialised by PostgreSQL, newest first: only those the viewer may
-- see (<visible>, with its :staff and :viewer; :viewer also says "supportedByMe", -1 for nobody),
-- narrowed by the list filter's conditions (<project>, <bbox>, <category>, <status>, <place>,
-- <text>, each empty when the filter lacks it) and by <position> (all, or a page before an id), at
-- most :limit of them. Counts of comments and variants include only what the public sees.
-- <geometry> is the drawing as stored, or for display with lines and areas simplified by :tolerance
-- (degrees; ST_SimplifyPreserveTopology keeps them valid, points stay exact): two fixed fragments
-- rather than a CASE on a bound value, which made PostgreSQL plan the statement anew at each call.
-- A single proposal has its own statement, proposal.sql, with the same properties and its decisions.
SELECT p.id,
       json_build_object(
           'type', 'Feature',
           'id', p.id,
           'geometry', ST_AsGeoJSON(<geometry>, 7)::json,
           'properties', props.json)::text
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
 WHERE <visible> <project> <bbox> <category> <status> <place> <text> <position>
 ORDER BY p.id DESC
 LIMIT :limit
