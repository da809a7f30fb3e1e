INSERT INTO accounts (email, password_hash, display_name, role, home_area_id, created_at)
VALUES (:email, :passwordHash, :displayName, :role, :homeArea::bigint, :createdAt)
