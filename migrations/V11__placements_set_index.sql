-- Analysis reads a whole set's placements of one kind: from this index alone, without the table.
-- V5 first made this index on (area_set_id, area_id); V5 was later edited in place to make it as
-- below, so databases exist with either. Both end here: one that has it as below already keeps it
-- (no rebuild of a large index for nothing), any other gets it made again.
DO $$
BEGIN
    IF to_regclass('placements_set_idx') IS NULL
       OR pg_get_indexdef(to_regclass('placements_set_idx'))
          NOT LIKE '%(area_set_id, drawing, drawing_id) INCLUDE (area_id)' THEN
        DROP INDEX IF EXISTS placements_set_idx;
        CREATE INDEX placements_set_idx ON placements (area_set_id, drawing, drawing_id) INCLUDE (area_id);
    END IF;
END
$$;
