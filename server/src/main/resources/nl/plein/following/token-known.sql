-- Parameters: :token.
SELECT EXISTS (SELECT 1 FROM notification_settings WHERE unsubscribe_token = :token)
