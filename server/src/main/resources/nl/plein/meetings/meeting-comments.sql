-- Visible comments made in a meeting on visible proposals, newest first. Parameters: :meeting,
-- :limit (NULL for all).
SELECT c.id, c.proposal_id, p.title, a.display_name, c.body, c.created_at
  FROM comments c JOIN proposals p ON p.id = c.proposal_id JOIN accounts a ON a.id = c.author_id
 WHERE c.meeting_id = :meeting AND NOT c.hidden AND NOT c.withdrawn
       AND NOT p.hidden AND NOT p.withdrawn AND p.status <> 'submitted'
 ORDER BY c.id DESC LIMIT :limit
