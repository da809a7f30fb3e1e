-- The outlines of a boundary set's areas as GeoJSON (6 decimals), and a point inside each, for
-- the participation exports. Parameters: :set.
SELECT id, ST_AsGeoJSON(geom, 6) AS geometry, ST_X(p) AS x, ST_Y(p) AS y
  FROM (SELECT id, geom, ST_PointOnSurface(geom) AS p FROM areas WHERE area_set_id = :set) a
