-- The author's changes, while not withdrawn; a null keeps the current value. Parameters: :id,
-- :author, :title, :description, :geometry (WKB, EPSG:4326).
UPDATE variants
   SET title = coalesce(:title, title),
       description = coalesce(:description, description),
       geom = coalesce(ST_GeomFromWKB(:geometry, 4326), geom),
       updated_at = now()
 WHERE id = :id AND author_id = :author AND NOT withdrawn
