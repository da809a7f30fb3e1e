INSERT INTO variants (proposal_id, author_id, title, description, geom, created_at, updated_at)
VALUES (:proposal, :author, :title, :description, ST_GeomFromWKB(:geom, 4326), :createdAt, :createdAt)
