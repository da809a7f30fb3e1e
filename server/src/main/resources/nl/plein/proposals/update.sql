-- The author's changes; a null keeps the current value, and :changeCategory says whether :category
-- (possibly null: none) replaces the current one. A place drawn for a proposal about the whole area
-- makes it one drawn on the map. Parameters: :id, :title, :description, :changeCategory,
-- :category, :geometry (WKB, EPSG:4326).
UPDATE proposals
   SET title = coalesce(:title, title),
       description = coalesce(:description, description),
       category = CASE WHEN :changeCategory THEN :category ELSE category END,
       geom = coalesce(ST_GeomFromWKB(:geometry, 4326), geom),
       location_method = CASE WHEN :geometry IS NOT NULL AND location_method = 'whole_area' THEN 'map'
                              ELSE location_method END,
       updated_at = now()
 WHERE id = :id
