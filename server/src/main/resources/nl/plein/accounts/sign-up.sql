-- A resident's own account, unless the address has one already: then nothing is written and no row
-- returned. Parameters: :email, :passwordHash, :displayName, :homeArea (null for none).
INSERT INTO accounts (email, password_hash, display_name, role, home_area_id)
VALUES (:email, :passwordHash, :displayName, 'resident', :homeArea)
ON CONFLICT DO NOTHING
RETURNING id
