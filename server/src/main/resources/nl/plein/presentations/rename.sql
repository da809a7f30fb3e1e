UPDATE presentations SET title = :title, updated_at = now() WHERE id = :id
