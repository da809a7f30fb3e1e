-- Marks the person's notifications up to :upTo read, never past their newest one (so what comes
-- later is unread); a mark never moves back. Parameters: :viewer, :upTo.
INSERT INTO notification_settings (account_id, read_up_to)
VALUES (:viewer, least(:upTo, coalesce((SELECT max(id) FROM notifications WHERE account_id = :viewer), 0)))
ON CONFLICT (account_id) DO UPDATE
    SET read_up_to = greatest(notification_settings.read_up_to, excluded.read_up_to)
