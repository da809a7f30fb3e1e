-- The budget votes of a project whose closing time has passed and that have a boundary set of
-- their own or can be read in another, in the order they closed. Parameters: :project.
SELECT id FROM votes WHERE project_id = :project AND now() >= closes_at ORDER BY closes_at, id
