-- Whether the proposal belongs to the project: one row when it does.
-- Parameters: :proposal, :project.
SELECT 1 FROM proposals WHERE id = :proposal AND project_id = :project
