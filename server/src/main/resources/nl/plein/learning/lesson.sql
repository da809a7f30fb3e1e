-- One lesson as JSON. Parameters: :id.
SELECT json_build_object('id', l.id, 'projectId', l.project_id, 'text', l.text,
                         'createdAt', l.created_at, 'updatedAt', l.updated_at)::text
  FROM lessons l
 WHERE l.id = :id
