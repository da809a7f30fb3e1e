-- Queen contiguity between the areas of a set, as spdep's poly2nb defines it (METHODS.md §0.3):
-- two areas are neighbours when a boundary vertex of one lies within :snap metres of a
-- boundary vertex of the other, measured in the set's metric CRS. Sharing a boundary is not
-- enough (an overlap by a sliver, or a corner on the other's edge, makes no neighbours), and a gap
-- narrower than the snap does not part them.
--
-- Every vertex is filed in a square cell of side 2 × :snap, and compared with the vertices of the
-- four cells that the square of side 2 × :snap around it reaches (its own, and the neighbours on the
-- sides of the half it lies in): a vertex within :snap of it lies in one of them. These are
-- equality joins on the cells, which PostgreSQL hashes: the work grows with the number of
-- vertices, and there is no table to index.
WITH metric AS MATERIALIZED (
    SELECT coalesce(s.metric_srid, metric_srid(4326,
               (SELECT ST_Centroid(ST_Extent(a.geom)) FROM areas a WHERE a.area_set_id = s.id))) AS srid
      FROM area_sets s
     WHERE s.id = :set::bigint
), vertex AS MATERIALIZED (
    SELECT a.id, ST_X(v.geom) AS x, ST_Y(v.geom) AS y
      FROM areas a
     CROSS JOIN metric m
     CROSS JOIN LATERAL ST_DumpPoints(ST_Transform(a.geom, m.srid)) v
     WHERE a.area_set_id = :set::bigint
), cell AS MATERIALIZED (
    -- gx, gy: the position in cells; the cell is their floor, and the half of it, their fraction
    SELECT id, x, y, floor(gx)::bigint AS cx, floor(gy)::bigint AS cy,
           CASE WHEN gx - floor(gx) < 0.5 THEN -1 ELSE 1 END AS sx, CASE WHEN gy - floor(gy) < 0.5 THEN -1 ELSE 1 END AS sy
      FROM vertex
     CROSS JOIN LATERAL (SELECT x / (2 * :snap::float8) AS gx, y / (2 * :snap::float8) AS gy) g
), nearby AS (
    SELECT v.id, v.x, v.y, c.cx, c.cy
      FROM cell v
     CROSS JOIN LATERAL (VALUES (v.cx, v.cy), (v.cx + v.sx, v.cy), (v.cx, v.cy + v.sy), (v.cx + v.sx, v.cy + v.sy)) AS c (cx, cy)
)
SELECT n.id, array_agg(DISTINCT v.id ORDER BY v.id) AS neighbours
  FROM nearby n
  JOIN cell v ON v.cx = n.cx AND v.cy = n.cy AND v.id <> n.id
 WHERE sqrt((v.x - n.x) ^ 2 + (v.y - n.y) ^ 2) <= :snap::float8
 GROUP BY n.id
