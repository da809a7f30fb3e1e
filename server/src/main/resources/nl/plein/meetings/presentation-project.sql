-- The project a presentation belongs to; no row when the presentation does not exist.
-- Parameters: :presentation.
SELECT project_id FROM presentations WHERE id = :presentation
