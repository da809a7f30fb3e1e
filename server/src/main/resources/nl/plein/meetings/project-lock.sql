-- Locks the project row while a meeting starts; no row when the project does not exist.
-- No key update: proposals and comments of the project may still be written meanwhile.
-- Parameters: :project.
SELECT 1 FROM projects WHERE id = :project FOR NO KEY UPDATE
