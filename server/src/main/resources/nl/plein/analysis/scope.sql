-- A project's analysis scope: the version of its analyses (V7) and its metric CRS (V12).
SELECT coalesce((SELECT proposals FROM analysis_versions WHERE project_id = p.id), 0) AS version,
       p.metric_srid AS srid
  FROM projects p
 WHERE p.id = :project
