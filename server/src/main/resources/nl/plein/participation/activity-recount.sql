-- Counts participation per project, person and week again from scratch (migration V6's function).
-- Parameters: none.
SELECT activity_recount()
