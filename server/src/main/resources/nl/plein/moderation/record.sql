-- Logs one moderation step. Parameters: :kind, :target, :action, :reason, :moderator.
INSERT INTO moderation_log (target_kind, target_id, action, reason, moderator_id)
VALUES (:kind, :target, :action, :reason, :moderator)
RETURNING id
