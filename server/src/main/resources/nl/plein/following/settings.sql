-- A person's e-mail choice; no row means e-mail on, in the default language. Parameters: :viewer.
SELECT coalesce(s.email, true) AS email, s.language
FROM accounts a LEFT JOIN notification_settings s ON s.account_id = a.id
WHERE a.id = :viewer
