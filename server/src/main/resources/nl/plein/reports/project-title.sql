-- The project's title, for the map's caption; no row when the project does not exist.
-- Parameters: :project.
SELECT title FROM projects WHERE id = :project
