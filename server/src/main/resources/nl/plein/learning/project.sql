-- The project a learning report is about. Parameters: :project.
SELECT id, title, stage FROM projects WHERE id = :project
