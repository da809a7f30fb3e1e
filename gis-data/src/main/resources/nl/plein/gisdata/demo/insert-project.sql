INSERT INTO projects (title, summary, area, categories, geometry_kinds, stage, open, premoderation, created_by,
                      created_at, updated_at)
VALUES (:title, :summary, ST_GeomFromWKB(:area, 4326), :categories, :geometryKinds, :stage, :open, :premoderation,
        :createdBy, :createdAt, :updatedAt)
