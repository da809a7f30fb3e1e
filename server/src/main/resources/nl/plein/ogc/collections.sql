-- The collections, with their extent in CRS84. Per project: its public proposals (which lie in the
-- project's area), their variants and their pinned comments (drawn anywhere, so no extent is
-- claimed), the clusters of its proposals and the hot-spot hexagons over its area. Per boundary set
-- its areas, and per project and boundary set the participation per area.
-- :id picks one collection; NULL lists them all. Sorted by project, then kind; boundary sets last.
-- Proposals, variants and pinned comments also get the first and last creation time of the features
-- anyone sees (the times below: each kind's own statement, with :staff false and :viewer none).
SELECT c.id, title, description, xmin, ymin, xmax, ymax, t.first, t.last
  FROM (SELECT k.prefix || '-' || p.id AS id, k.rank, p.id AS n, 0::bigint AS m,
               k.label || ': ' || p.title AS title,
               replace(k.description, '%s', p.title) AS description,
               e.xmin, e.ymin, e.xmax, e.ymax
          FROM projects p
         CROSS JOIN (VALUES
                ('proposals', 0, true, 'Proposals', 'Proposals in the project %s that anyone may see.'),
                ('variants', 1, false, 'Variants of proposals', 'Variants of proposals in the project %s that anyone may see.'),
                ('comments', 2, false, 'Comments pinned to the map', 'Comments pinned to the map in the project %s that anyone may see.'),
                ('clusters', 3, true, 'Clusters of proposals',
                 'Where the proposals anyone may see in the project %s cluster: DBSCAN (PostGIS ST_ClusterDBSCAN) in metres,'
                 || ' a cluster being proposals with at least minPoints (default 5, the proposal itself included) within'
                 || ' eps (default 100 m) of each other; the parameters eps and minPoints change them. Each feature is'
                 || ' a cluster''s convex outline, numbered by size; counts follow the small-count rule.'),
                ('hotspots', 4, true, 'Hot spots of proposals',
                 'Getis-Ord Gi* hot and cold spots of the proposals anyone may see in the project %s, over hexagons'
                 || ' of edge size metres (the parameter size; by default 100, or the smallest edge the server''s cell'
                 || ' limit allows over a larger project) with a distance band of the'
                 || ' largest nearest-neighbour distance; two-sided p, Benjamini-Hochberg adjusted; class 3/2/1 (or'
                 || ' -3/-2/-1 for cold spots) at 99/95/90 % confidence, 0 otherwise. Counts follow the small-count rule.')
              ) k (prefix, rank, bounded, label, description)
          LEFT JOIN LATERAL (SELECT ST_XMin(p.area) AS xmin, ST_YMin(p.area) AS ymin,
                                    ST_XMax(p.area) AS xmax, ST_YMax(p.area) AS ymax) e ON k.bounded
        UNION ALL
        SELECT 'participation-' || p.id || '-' || s.id, 5, p.id, s.id,
               'Participation: ' || p.title || ' per area of ' || s.name || coalesce(' ' || s.year, ''),
               'Who took part in the project ' || p.title || ', per area of the boundary set ' || s.name
                   || coalesce(' ' || s.year, '') || '; small counts are suppressed as in the public export.',
               ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
          FROM projects p
         CROSS JOIN area_sets s
          LEFT JOIN LATERAL (SELECT ST_Extent(a.geom) AS e FROM areas a WHERE a.area_set_id = s.id) x ON true
        UNION ALL
        SELECT 'areas-' || s.id, 9, s.id, 0,
               'Areas: ' || s.name || coalesce(' ' || s.year, ''),
               'The areas of the boundary set ' || s.name || coalesce(' ' || s.year, '') || '.',
               ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
          FROM area_sets s
          LEFT JOIN LATERAL (SELECT ST_Extent(a.geom) AS e FROM areas a WHERE a.area_set_id = s.id) x ON true
       ) c
  LEFT JOIN (<times>) t ON t.id = c.id
 WHERE :id::text IS NULL OR c.id = :id::text
 ORDER BY rank = 9, n, rank, m
