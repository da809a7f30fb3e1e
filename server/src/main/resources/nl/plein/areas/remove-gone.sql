-- Removes the placements in set :set of drawings looked at (<placed>) that no area covers now.
DELETE FROM placements pl USING <placed> p
 WHERE pl.area_set_id = :set AND pl.drawing = :drawing
   AND pl.drawing_id = p.drawing_id AND p.area_id IS NULL
