-- The project presentation :id belongs to; no row when there is no such presentation.
SELECT project_id FROM presentations WHERE id = :id
