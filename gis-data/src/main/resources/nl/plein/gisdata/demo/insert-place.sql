INSERT INTO places (project_id, name, geom) VALUES (:project, :name, ST_GeomFromWKB(:geom, 4326))
