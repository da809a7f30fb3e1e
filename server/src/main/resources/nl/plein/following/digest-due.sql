-- Who has notifications not yet e-mailed, with e-mail on and an address to send to: each with the
-- newest such id (the mark to set once their e-mail went out) and their unsubscribe token (made
-- here on first use), by account after :afterAccount. Parameters: :language (the default),
-- :afterAccount, :limit.
WITH due AS (
    SELECT a.id, a.email, a.role, coalesce(s.language, :language) AS language, max(n.id) AS up_to,
           coalesce(s.emailed_up_to, 0) AS from_id
    FROM notifications n
    JOIN accounts a ON a.id = n.account_id
    LEFT JOIN notification_settings s ON s.account_id = a.id
    WHERE a.email IS NOT NULL AND NOT a.disabled AND coalesce(s.email, true)
      AND n.id > coalesce(s.emailed_up_to, 0)
      AND a.id > :afterAccount
    GROUP BY a.id, a.email, a.role, s.language, s.emailed_up_to
    ORDER BY a.id
    LIMIT :limit
), tokens AS (
    INSERT INTO notification_settings AS s (account_id, unsubscribe_token)
    SELECT id, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') FROM due
    ON CONFLICT (account_id) DO UPDATE
        SET unsubscribe_token = coalesce(s.unsubscribe_token, excluded.unsubscribe_token)
    RETURNING s.account_id, s.unsubscribe_token
)
SELECT due.id, due.email, due.role, due.language, due.from_id, due.up_to, tokens.unsubscribe_token
FROM due JOIN tokens ON tokens.account_id = due.id
ORDER BY due.id
