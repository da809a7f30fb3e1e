-- The project's outline. Parameters: :project.
SELECT area AS geom, 'outline' AS kind, 0 AS cls, NULL::text AS label, 0::bigint AS ord
  FROM projects WHERE id = :project::bigint
