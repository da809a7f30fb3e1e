-- The presentations of project :project, oldest first, with how many slides each has.
SELECT json_build_object(
           'id', p.id,
           'projectId', p.project_id,
           'title', p.title,
           'slideCount', (SELECT count(*) FROM slides s WHERE s.presentation_id = p.id),
           'updatedAt', p.updated_at)::text
  FROM presentations p
 WHERE p.project_id = :project
 ORDER BY p.id
