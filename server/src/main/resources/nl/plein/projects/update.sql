-- An admin's changes to a project; a null keeps the current value. Parameters: :id, :title,
-- :summary, :area (WKB), :categories, :kinds (text arrays), :stage, :open, :premoderation,
-- :language, :metricSrid.
UPDATE projects
   SET title = coalesce(:title, title),
       summary = coalesce(:summary, summary),
       area = coalesce(ST_Multi(ST_GeomFromWKB(:area, 4326)), area),
       categories = coalesce(:categories, categories),
       geometry_kinds = coalesce(:kinds, geometry_kinds),
       stage = coalesce(:stage, stage),
       open = coalesce(:open, open),
       premoderation = coalesce(:premoderation, premoderation),
       language = coalesce(:language, language),
       metric_srid = coalesce(:metricSrid, metric_srid),
       updated_at = now()
 WHERE id = :id
