-- The series a project is a round of, if any. Parameters: :project.
SELECT series_id FROM series_rounds WHERE project_id = :project
