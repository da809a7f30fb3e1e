-- Whether project :project exists.
SELECT EXISTS (SELECT 1 FROM projects WHERE id = :project)
