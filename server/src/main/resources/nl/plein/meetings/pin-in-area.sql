-- Whether a pin lies inside (or on the edge of) the project's area; no row when the project is gone.
-- Parameters: :wkb (the point as WKB, WGS 84), :project.
SELECT ST_Covers(area, ST_GeomFromWKB(:wkb, 4326)) FROM projects WHERE id = :project
