-- Locks presentation :id's row until the transaction ends, so changes to its slides take turns;
-- no row when there is no such presentation.
SELECT 1 FROM presentations WHERE id = :id FOR UPDATE
