-- A person's evaluation of a work: written, or changed in place when they evaluated it before
-- (one per person and work, V17), so that two writes at once leave one row. A hidden evaluation
-- stays hidden when its author changes it. :pin is WKB (EPSG:4326) or null, and then :pinUsed is
-- null too. Parameters: :work, :author, :rating, :worksWell, :notWorking, :pin, :pinUsed.
INSERT INTO evaluations AS e (work_id, author_id, rating, works_well, not_working, pin, pin_used)
VALUES (:work, :author, :rating, :worksWell, :notWorking, ST_GeomFromWKB(:pin, 4326), :pinUsed)
ON CONFLICT (work_id, author_id) DO UPDATE
   SET rating = excluded.rating, works_well = excluded.works_well, not_working = excluded.not_working,
       pin = excluded.pin, pin_used = excluded.pin_used, updated_at = now()
RETURNING e.id
