-- The area of the bounding box of a project's area in its metric CRS (:srid), m²: what a hexagon
-- grid over the project covers.
SELECT ST_Area(ST_Envelope(ST_Transform(area, :srid::integer))) FROM projects WHERE id = :project::bigint
