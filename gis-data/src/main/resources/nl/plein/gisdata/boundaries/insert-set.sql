INSERT INTO area_sets (name, kind, source, year, source_crs, source_sha256)
VALUES (:name, :kind, :source, :year::integer, :crs, :sha256) RETURNING id
