-- A new project. Without a metric CRS (:metricSrid null), the database chooses one from the area
-- (migration V12). :area is WKB in EPSG:4326; :categories and :kinds are text arrays.
INSERT INTO projects (title, summary, area, categories, geometry_kinds, stage, open,
                      premoderation, created_by, language, metric_srid)
VALUES (:title, :summary, ST_Multi(ST_GeomFromWKB(:area, 4326)), :categories, :kinds, :stage, :open,
        :premoderation, :createdBy, :language, :metricSrid)
RETURNING id
