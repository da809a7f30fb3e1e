-- The project a meeting is about, as shown in the live state and the record.
-- Parameters: :project.
SELECT id, title, summary, stage FROM projects WHERE id = :project
