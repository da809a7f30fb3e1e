INSERT INTO moderation_log (target_kind, target_id, action, reason, moderator_id, at)
VALUES (:targetKind, :target, :action, :reason, :moderator, :at)
