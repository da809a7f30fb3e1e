UPDATE presentations SET updated_at = now() WHERE id = :id
