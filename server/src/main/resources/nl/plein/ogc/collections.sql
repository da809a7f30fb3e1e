-- The collections: public proposals per project and areas per boundary set, with their extent in
-- CRS84. :id picks one collection; NULL lists them all.
SELECT id, title, description, xmin, ymin, xmax, ymax
  FROM (SELECT 'proposals-' || p.id AS id, 0 AS kind, p.id AS n,
               'Proposals: ' || p.title AS title,
               'Public proposals in the project ' || p.title || '.' AS description,
               ST_XMin(p.area) AS xmin, ST_YMin(p.area) AS ymin, ST_XMax(p.area) AS xmax, ST_YMax(p.area) AS ymax
          FROM projects p
        UNION ALL
        SELECT 'areas-' || s.id, 1, s.id,
               'Areas: ' || s.name || coalesce(' ' || s.year, ''),
               'The areas of the boundary set ' || s.name || coalesce(' ' || s.year, '') || '.',
               ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
          FROM area_sets s
          LEFT JOIN LATERAL (SELECT ST_Extent(a.geom) AS e FROM areas a WHERE a.area_set_id = s.id) x ON true
       ) c
 WHERE :id::text IS NULL OR c.id = :id::text
 ORDER BY kind, n
