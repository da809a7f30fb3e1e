-- Geometry goes over as WKB (:geom), exact: PostGIS checks the very coordinates the generator validated.
INSERT INTO areas (area_set_id, code, name, population, geom)
VALUES (:set, :code, :name, :population::integer, ST_GeomFromWKB(:geom, 4326))
