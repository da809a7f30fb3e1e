-- The pins answered to a question, each a point of its own, numbered in the order given; label is
-- how many pins share its place. Parameters: :lons, :lats (text arrays of the same length).
SELECT ST_SetSRID(ST_MakePoint(p.lon::float8, p.lat::float8), 4326) AS geom, 'pin' AS kind,
       0 AS cls, (count(*) OVER (PARTITION BY p.lon::float8, p.lat::float8))::text AS label, p.ord AS ord
  FROM unnest(:lons::text[], :lats::text[]) WITH ORDINALITY AS p(lon, lat, ord)
