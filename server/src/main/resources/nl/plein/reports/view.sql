-- The view of a printed map in the project's metric CRS: the given box in WGS 84 (:minlon, :minlat,
-- :maxlon, :maxlat, all null for none) or else the project's area, as its envelope.
WITH box AS (SELECT p.metric_srid AS srid,
                    coalesce(ST_MakeEnvelope(:minlon::float8, :minlat::float8, :maxlon::float8, :maxlat::float8, 4326),
                             p.area) AS g
               FROM projects p WHERE p.id = :project::bigint)
SELECT srid, ST_XMin(m) AS min_x, ST_YMin(m) AS min_y, ST_XMax(m) AS max_x, ST_YMax(m) AS max_y
  FROM (SELECT srid, ST_Envelope(ST_Transform(g, srid)) AS m FROM box) t
