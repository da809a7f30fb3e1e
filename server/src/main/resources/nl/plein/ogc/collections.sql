-- The collections, with their extent in CRS84: per project its public proposals (which lie in the
-- project's area), their variants and their pinned comments (drawn anywhere, so no extent is
-- claimed), per boundary set its areas, and per project and boundary set the participation per
-- area.
-- :id picks one collection; NULL lists them all.
SELECT id, title, description, xmin, ymin, xmax, ymax
  FROM (SELECT k.prefix || '-' || p.id AS id, k.rank, p.id AS n, 0::bigint AS m,
               k.label || ': ' || p.title AS title,
               k.label || ' in the project ' || p.title || ' that anyone may see.' AS description,
               e.xmin, e.ymin, e.xmax, e.ymax
          FROM projects p
         CROSS JOIN (VALUES ('proposals', 0, 'Proposals'), ('variants', 1, 'Variants of proposals'),
                            ('comments', 2, 'Comments pinned to the map')) k (prefix, rank, label)
          LEFT JOIN LATERAL (SELECT ST_XMin(p.area) AS xmin, ST_YMin(p.area) AS ymin,
                                    ST_XMax(p.area) AS xmax, ST_YMax(p.area) AS ymax) e ON k.rank = 0
        UNION ALL
        SELECT 'areas-' || s.id, 3, s.id, 0,
               'Areas: ' || s.name || coalesce(' ' || s.year, ''),
               'The areas of the boundary set ' || s.name || coalesce(' ' || s.year, '') || '.',
               ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
          FROM area_sets s
          LEFT JOIN LATERAL (SELECT ST_Extent(a.geom) AS e FROM areas a WHERE a.area_set_id = s.id) x ON true
        UNION ALL
        SELECT 'participation-' || p.id || '-' || s.id, 2, p.id, s.id,
               'Participation: ' || p.title || ' per area of ' || s.name || coalesce(' ' || s.year, ''),
               'Who took part in the project ' || p.title || ', per area of the boundary set ' || s.name
                   || coalesce(' ' || s.year, '') || '; small counts are suppressed as in the public export.',
               ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
          FROM projects p
         CROSS JOIN area_sets s
          LEFT JOIN LATERAL (SELECT ST_Extent(a.geom) AS e FROM areas a WHERE a.area_set_id = s.id) x ON true
       ) c
 WHERE :id::text IS NULL OR c.id = :id::text
 ORDER BY rank = 3, n, rank, m
