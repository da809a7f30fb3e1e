-- The version of project :project's proposals (migration V7), 0 before any; no row without the project.
SELECT coalesce((SELECT v.proposals FROM analysis_versions v WHERE v.project_id = p.id), 0)
  FROM projects p WHERE p.id = :project
