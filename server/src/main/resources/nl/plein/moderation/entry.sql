-- One step of the moderation log with its moderator's name. Parameter: :id.
SELECT m.id, m.target_kind, m.target_id, m.action, m.reason, m.moderator_id, a.display_name, m.at
  FROM moderation_log m
  JOIN accounts a ON a.id = m.moderator_id
 WHERE m.id = :id
