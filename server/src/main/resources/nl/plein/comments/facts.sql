-- What authorisation needs to know about a comment on a proposal the viewer may see. Parameters:
-- :id, and the visibility rule's (<visible>, alias p).
SELECT c.id, c.proposal_id, p.project_id, c.author_id, c.hidden, c.withdrawn
  FROM comments c
  JOIN proposals p ON p.id = c.proposal_id
 WHERE c.id = :id AND <visible>
