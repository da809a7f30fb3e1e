-- A comment as a GeoJSON Feature; its geometry (if any) points at part of the proposal.
-- A hidden or withdrawn comment stays in the thread as a bare placeholder (id, parent, state), so
-- replies keep their place, but its text, author and drawing are shown only to staff and its author.
-- <which> chooses the comments: one (:id) or a proposal's thread (:proposal), oldest first. Only
-- comments on a proposal the viewer may see (<visible>, with its :staff and :viewer). Its photos
-- (<photos>, from PhotoTarget) go with its text.
SELECT c.id,
       json_build_object(
           'type', 'Feature',
           'id', c.id,
           'geometry', CASE WHEN s.shown THEN ST_AsGeoJSON(c.geom, 7)::json END,
           'properties', json_strip_nulls(json_build_object(
               'id', c.id,
               'proposalId', c.proposal_id,
               'parentId', c.parent_id,
               'body', CASE WHEN s.shown THEN c.body END,
               'photos', CASE WHEN s.shown THEN <photos> END,
               'author', CASE WHEN s.shown THEN json_build_object('id', a.id, 'displayName', a.display_name) END,
               'hidden', CASE WHEN c.hidden THEN true END,
               'withdrawn', CASE WHEN c.withdrawn THEN true END,
               'createdAt', c.created_at,
               'updatedAt', CASE WHEN s.shown THEN c.updated_at END)))::text
  FROM comments c
  JOIN proposals p ON p.id = c.proposal_id
  JOIN accounts a ON a.id = c.author_id
  CROSS JOIN LATERAL (SELECT (:staff::boolean OR (NOT c.hidden AND NOT c.withdrawn)
                              OR (c.author_id = :viewer AND NOT c.withdrawn)) AS shown) s
 WHERE <which> AND <visible>
 ORDER BY c.id
