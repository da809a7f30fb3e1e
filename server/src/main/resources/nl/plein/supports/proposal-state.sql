-- Whether a proposal the viewer may see can be supported: removed (hidden or withdrawn), its
-- status, and whether its project is open. No row: the viewer may not see it. Parameters:
-- :proposal, and the visibility rule's (<visible>, alias p).
SELECT p.hidden OR p.withdrawn, p.status, j.open
  FROM proposals p
  JOIN projects j ON j.id = p.project_id
 WHERE p.id = :proposal AND <visible>
