-- The budget votes of a project whose closing time has passed, in the order they closed.
SELECT id FROM votes WHERE project_id = :project AND now() >= closes_at ORDER BY closes_at, id
