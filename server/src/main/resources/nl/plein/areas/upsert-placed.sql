-- Writes the placements in set :set of the drawings looked at (<placed>) that lie in an area.
-- Rows that are already right are not written again, so placing a set twice changes nothing.
INSERT INTO placements (drawing, drawing_id, area_set_id, area_id)
SELECT :drawing, p.drawing_id, :set, p.area_id
  FROM <placed> p
 WHERE p.area_id IS NOT NULL
    ON CONFLICT (drawing, drawing_id, area_set_id) DO UPDATE SET area_id = excluded.area_id
 WHERE placements.area_id IS DISTINCT FROM excluded.area_id
