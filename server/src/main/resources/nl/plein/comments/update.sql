-- The author's edit, while not withdrawn: a null :body keeps it; :changeGeometry says whether
-- :geometry (WKB, or null: none) replaces the current one. Parameters: :id, :author, :body,
-- :changeGeometry, :geometry.
UPDATE comments
   SET body = coalesce(:body, body),
       geom = CASE WHEN :changeGeometry THEN ST_GeomFromWKB(:geometry, 4326) ELSE geom END,
       updated_at = now()
 WHERE id = :id AND author_id = :author AND NOT withdrawn
