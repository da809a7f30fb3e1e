-- Each area of a boundary set with the areas of the same set it touches or overlaps ("near" in
-- where the money goes: an area and its neighbours).
SELECT a.id AS area_id, b.id AS neighbour_id
  FROM areas a
  JOIN areas b ON b.area_set_id = a.area_set_id AND b.id <> a.id AND ST_Intersects(a.geom, b.geom)
 WHERE a.area_set_id = :set
