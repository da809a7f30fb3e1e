-- The planned dates of a project's stages.
SELECT stage, starts_on, ends_on FROM project_stages WHERE project_id = :project
