-- Supports given in a meeting to proposals neither hidden nor withdrawn, newest first, without who
-- gave them. Parameters: :meeting, :limit.
SELECT s.proposal_id, p.title, s.created_at
  FROM supports s JOIN proposals p ON p.id = s.proposal_id
 WHERE s.meeting_id = :meeting AND NOT p.hidden AND NOT p.withdrawn
 ORDER BY s.created_at DESC, s.proposal_id LIMIT :limit
