-- A guest of a meeting: a display name and perhaps a home area, no email, no password.
-- Parameters: :displayName, :homeArea (null for none).
INSERT INTO accounts (display_name, home_area_id, guest)
VALUES (:displayName, :homeArea, true)
RETURNING id
