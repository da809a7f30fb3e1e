-- Whether the project has an open meeting: one row when it has.
-- Parameters: :project.
SELECT 1 FROM meetings WHERE project_id = :project AND closed_at IS NULL
