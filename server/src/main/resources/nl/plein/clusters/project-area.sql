-- The area of a project's area in its metric CRS (:srid), m²: what the default eps is bounded by.
SELECT ST_Area(ST_Transform(area, :srid::integer)) FROM projects WHERE id = :project::bigint
