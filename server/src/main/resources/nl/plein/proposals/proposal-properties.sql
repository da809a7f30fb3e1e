-- A proposal's properties as one JSON object without its null members, for the proposal p and
-- its author a of the statement that puts it where it says <properties>: proposal.sql (one
-- proposal) and proposal-feature.sql (the list). A fragment, not a statement: the same text in
-- both keeps their properties alike, and since it is defined from a constant the text sent to
-- PostgreSQL is what it was when each file wrote the block out. It names :viewer ("supportedByMe",
-- -1 for nobody) and no template attribute (Jdbi does not template a defined fragment again).
SELECT json_strip_nulls(json_build_object(
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
               'updatedAt', p.updated_at)) AS json
