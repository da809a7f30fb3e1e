-- A new meeting under a random join code; no row when the code is taken (the caller tries another).
-- Parameters: :project, :presentation (or NULL), :code, :planner (who started it).
INSERT INTO meetings (project_id, presentation_id, code, started_by)
VALUES (:project, :presentation, :code, :planner)
ON CONFLICT (code) DO NOTHING
RETURNING id
