-- The bounding box of a project's area in its metric CRS (:srid): what the heatmap's grid covers.
SELECT ST_XMin(e) AS min_x, ST_YMin(e) AS min_y, ST_XMax(e) AS max_x, ST_YMax(e) AS max_y
  FROM (SELECT ST_Extent(ST_Transform(area, :srid::integer)) AS e FROM projects WHERE id = :project::bigint) x
