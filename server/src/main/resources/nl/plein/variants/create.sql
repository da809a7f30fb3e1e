-- A new variant. Parameters: :proposal, :author, :title, :description, :geometry (WKB, EPSG:4326).
INSERT INTO variants (proposal_id, author_id, title, description, geom)
VALUES (:proposal, :author, :title, :description, ST_GeomFromWKB(:geometry, 4326))
RETURNING id
