-- The contributions a point analysis reads (analysis.Selection: <placed>, each or one per
-- location), each as one point (<point>) in the project's metric CRS (:srid), as x and y.
SELECT ST_X(point) AS x, ST_Y(point) AS y
  FROM (SELECT ST_Transform(<point>, :srid::integer) AS point FROM <placed> p) q
