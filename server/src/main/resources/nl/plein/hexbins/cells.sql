-- The hexagons of edge :size metres in the project's metric CRS (:srid) that touch the project's
-- area, as ST_HexagonGrid makes them (anchored at the CRS origin), with their outlines in WGS 84.
SELECT h.i, h.j, ST_AsGeoJSON(ST_Transform(h.geom, 4326), 7) AS geometry
  FROM (SELECT ST_Transform(area, :srid::integer) AS area FROM projects WHERE id = :project::bigint) s,
       ST_HexagonGrid(:size::float8, s.area) h
 WHERE ST_Intersects(h.geom, s.area)
 ORDER BY h.i, h.j
