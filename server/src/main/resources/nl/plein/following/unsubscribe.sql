-- One-click unsubscribe: turns e-mail off for whoever holds this token. Parameters: :token.
UPDATE notification_settings SET email = false WHERE unsubscribe_token = :token
RETURNING account_id
