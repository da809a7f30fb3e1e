-- One account with its home neighbourhood (if it has one). Parameter: :id.
SELECT a.id, a.email, a.display_name, a.role, a.disabled, a.guest, a.created_at,
       h.id AS home_id, h.code AS home_code, h.name AS home_name
  FROM accounts a
  LEFT JOIN areas h ON h.id = a.home_area_id
 WHERE a.id = :id
