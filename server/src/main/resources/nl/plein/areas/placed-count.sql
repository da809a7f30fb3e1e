-- How many drawings of one kind were placed in an area of the set.
-- Template: <placed> (the kind's temporary table of placings, a fixed name from the Kind enum).
-- Parameters: none.
SELECT count(*) FROM <placed> WHERE area_id IS NOT NULL
