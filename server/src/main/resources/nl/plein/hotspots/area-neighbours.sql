-- Queen contiguity between the areas of a set: two areas are neighbours when they share at least
-- one boundary point (ST_Intersects, through the GiST index on areas).
SELECT a.id, array_agg(b.id ORDER BY b.id) AS neighbours
  FROM areas a
  JOIN areas b ON b.area_set_id = a.area_set_id AND b.id <> a.id AND ST_Intersects(a.geom, b.geom)
 WHERE a.area_set_id = ?
 GROUP BY a.id
