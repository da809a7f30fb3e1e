INSERT INTO proposals (project_id, author_id, title, description, category, geom, status, hidden, created_at,
                       updated_at)
VALUES (:project, :author, :title, :description, :category, ST_GeomFromWKB(:geom, 4326), :status, :hidden,
        :createdAt, :updatedAt)
