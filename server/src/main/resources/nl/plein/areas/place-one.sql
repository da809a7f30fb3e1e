-- One drawing (:id, of the kind <table>, placements.drawing = :drawing), every set: the GiST index
-- on areas.geom finds the few candidate areas; <covers> is the rule (AreaAssignment.COVERS).
INSERT INTO placements (drawing, drawing_id, area_set_id, area_id)
SELECT :drawing, d.id, a.area_set_id, min(a.id)
  FROM <table> d JOIN areas a ON <covers>
 WHERE d.id = :id
 GROUP BY d.id, a.area_set_id
