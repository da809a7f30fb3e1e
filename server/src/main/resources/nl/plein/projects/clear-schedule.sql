-- Removes a project's schedule before the new one is written. Parameter: :id.
DELETE FROM project_stages WHERE project_id = :id
