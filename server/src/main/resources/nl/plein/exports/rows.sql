-- Every row of one export, in id order. <source> is the dataset's statement (the OGC collection's
-- proposals.sql, variants.sql, participation.sql or comments.sql, all comments, the visibility rule
-- written in; ExportStore chooses it by dataset): id, geom (EPSG:4326), created_at and properties.
-- Coordinates keep 7 decimals (about 1 cm); the representative point lies on the geometry (a point
-- itself, a vertex of a line, inside a polygon).
-- The little-endian WKB and the bounding box are what a GeoPackage geometry is made of.
SELECT f.id,
       ST_AsGeoJSON(f.geom, 7),
       ST_AsText(f.geom, 7),
       round(ST_X(ST_PointOnSurface(f.geom))::numeric, 7)::text,
       round(ST_Y(ST_PointOnSurface(f.geom))::numeric, 7)::text,
       f.properties::text,
       ST_AsBinary(f.geom, 'NDR'),
       ST_XMin(f.geom), ST_XMax(f.geom), ST_YMin(f.geom), ST_YMax(f.geom)
  FROM (<source>) f
 ORDER BY f.id
