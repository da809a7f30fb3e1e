-- A page of accounts in id order, as account.sql reads one. Parameters: :after (the last id of the
-- previous page, 0 for the first) and :limit.
SELECT a.id, a.email, a.display_name, a.role, a.disabled, a.guest, a.created_at,
       h.id AS home_id, h.code AS home_code, h.name AS home_name
  FROM accounts a
  LEFT JOIN areas h ON h.id = a.home_area_id
 WHERE a.id > :after
 ORDER BY a.id
 LIMIT :limit
