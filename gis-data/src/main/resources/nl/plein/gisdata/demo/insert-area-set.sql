INSERT INTO area_sets (name, kind, source, created_at) VALUES (:name, :kind, :source, :createdAt)
