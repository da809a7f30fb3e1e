-- A variant as a GeoJSON Feature, linked to its proposal. <which> chooses the variants: one (:id)
-- or a proposal's (:proposal), oldest first; only those the viewer may see, and only of a proposal
-- the viewer may see (<visible>, with its :staff and :viewer).
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
 WHERE <which>
   AND <visible>
   -- the variant itself: not hidden or withdrawn, except to staff (and, unless withdrawn, its author)
   AND (:staff::boolean OR (NOT v.withdrawn AND (v.author_id = :viewer OR NOT v.hidden)))
 ORDER BY v.id
