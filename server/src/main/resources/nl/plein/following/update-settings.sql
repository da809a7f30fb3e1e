-- Sets e-mail on or off and its language (null values keep what was chosen). Turning e-mail on
-- again starts from now: what came while it was off is not sent as a backlog.
-- Parameters: :viewer, :email (may be null), :language (may be null).
INSERT INTO notification_settings (account_id, email, language, emailed_up_to)
VALUES (:viewer, coalesce(:email::boolean, true), :language,
        coalesce((SELECT max(id) FROM notifications WHERE account_id = :viewer), 0))
ON CONFLICT (account_id) DO UPDATE
    SET email = coalesce(:email::boolean, notification_settings.email),
        language = coalesce(:language, notification_settings.language),
        emailed_up_to = CASE WHEN :email::boolean AND NOT notification_settings.email
                             THEN greatest(notification_settings.emailed_up_to, excluded.emailed_up_to)
                             ELSE notification_settings.emailed_up_to END
