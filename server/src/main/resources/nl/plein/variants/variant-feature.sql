-- A variant as a GeoJSON Feature, linked to its proposal. Callers join the visibility rules for
-- both the variant (alias v) and its proposal (alias p).
SELECT v.id,
       json_build_object(
           'type', 'Feature',
           'id', v.id,
           'geometry', ST_AsGeoJSON(v.geom, 7)::json,
           'properties', json_strip_nulls(json_build_object(
               'id', v.id,
               'proposalId', v.proposal_id,
               'title', v.title,
               'description', v.description,
               'author', json_build_object('id', a.id, 'displayName', a.display_name),
               'hidden', CASE WHEN v.hidden THEN true END,
               'withdrawn', CASE WHEN v.withdrawn THEN true END,
               'createdAt', v.created_at,
               'updatedAt', v.updated_at)))::text
  FROM variants v
  JOIN proposals p ON p.id = v.proposal_id
  JOIN accounts a ON a.id = v.author_id
