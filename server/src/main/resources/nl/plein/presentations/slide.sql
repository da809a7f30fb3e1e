-- Slide :id as the API sends it.
SELECT json_build_object('id', s.id, 'presentationId', s.presentation_id, 'position', s.position,
                         'title', s.title, 'text', s.text, 'view', s.view)::text
  FROM slides s
 WHERE s.id = :id
