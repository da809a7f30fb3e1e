-- One area of set :set, its geometry (:wkb, in EPSG::srid) transformed to EPSG:4326 and, when
-- invalid, repaired (ST_MakeValid, polygonal parts only), always a MultiPolygon.
INSERT INTO areas (area_set_id, code, name, population, parent_code, geom)
SELECT :set, :code, :name, :population::integer, :parent, CASE WHEN ST_IsValid(g) THEN ST_Multi(g)
                           ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(g), 3)) END
  FROM (SELECT ST_Transform(ST_SetSRID(ST_GeomFromWKB(:wkb), :srid), 4326) AS g) AS source
