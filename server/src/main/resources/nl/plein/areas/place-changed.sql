-- The drawings written or changed since they were looked at (updated_at >= :since, through its
-- index), looked at again as they are now: every writer of a drawing has committed by then.
INSERT INTO <placed> (drawing_id, area_id)
SELECT d.id, min(a.area_id)
  FROM <table> d LEFT JOIN area_pieces a ON <covers>
 WHERE d.updated_at >= :since
 GROUP BY d.id
    ON CONFLICT (drawing_id) DO UPDATE SET area_id = excluded.area_id
