-- A page of the moderation log, newest first, as entry.sql reads one step. Parameters: :before
-- (the last id of the previous page) and :limit.
SELECT m.id, m.target_kind, m.target_id, m.action, m.reason, m.moderator_id, a.display_name, m.at
  FROM moderation_log m
  JOIN accounts a ON a.id = m.moderator_id
 WHERE m.id < :before
 ORDER BY m.id DESC
 LIMIT :limit
