-- The lessons learned of a project in the order they were written, as one JSON array. Parameters: :project.
SELECT coalesce(json_agg(json_build_object('id', l.id, 'projectId', l.project_id, 'text', l.text,
                                           'createdAt', l.created_at, 'updatedAt', l.updated_at)
                         ORDER BY l.id), '[]'::json)::text
  FROM lessons l
 WHERE l.project_id = :project
