-- A new proposal; :geometry (WKB, EPSG:4326) is null for one about the whole area, and :category
-- may be null. Parameters: :project, :author, :title, :description, :category, :geometry,
-- :status, :locationMethod.
INSERT INTO proposals (project_id, author_id, title, description, category, geom, status, location_method)
VALUES (:project, :author, :title, :description, :category, ST_GeomFromWKB(:geometry, 4326), :status,
        :locationMethod)
RETURNING id
