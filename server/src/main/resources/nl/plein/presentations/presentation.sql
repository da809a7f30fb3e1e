-- Presentation :id with its slides in order, as the API sends it.
SELECT json_build_object(
           'id', p.id,
           'projectId', p.project_id,
           'title', p.title,
           'updatedAt', p.updated_at,
           'slides', coalesce((SELECT json_agg(json_build_object(
                                          'id', s.id, 'position', s.position, 'title', s.title,
                                          'text', s.text, 'view', s.view) ORDER BY s.position)
                                 FROM slides s
                                WHERE s.presentation_id = p.id), '[]'::json))::text
  FROM presentations p
 WHERE p.id = :id
