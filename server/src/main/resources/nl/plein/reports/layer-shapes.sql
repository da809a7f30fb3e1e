-- Shapes an analysis made (cluster outlines, hexagons), as GeoJSON in WGS 84, each with a class
-- and a label. Parameters: :kind, :outlines, :classes, :labels (text arrays of the same length).
SELECT ST_SetSRID(ST_GeomFromGeoJSON(c.outline), 4326) AS geom, :kind::text AS kind,
       c.cls::integer AS cls, c.label, c.ord AS ord
  FROM unnest(:outlines::text[], :classes::text[], :labels::text[]) WITH ORDINALITY AS c(outline, cls, label, ord)
