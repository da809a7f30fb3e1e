-- A new account made by an admin (any role). Parameters: :email, :passwordHash, :displayName,
-- :role, :homeArea (null for none).
INSERT INTO accounts (email, password_hash, display_name, role, home_area_id)
VALUES (:email, :passwordHash, :displayName, :role, :homeArea)
RETURNING id
