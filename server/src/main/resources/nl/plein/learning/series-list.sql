-- Every series with its rounds in order (position), newest series first, as {"series": [...]}.
SELECT json_build_object('series', coalesce(json_agg(json_build_object(
         'id', s.id, 'name', s.name,
         'rounds', coalesce((SELECT json_agg(json_build_object('projectId', r.project_id, 'title', p.title,
                                                               'label', r.label, 'position', r.position)
                                             ORDER BY r.position, r.project_id)
                               FROM series_rounds r JOIN projects p ON p.id = r.project_id
                              WHERE r.series_id = s.id), '[]'::json))
         ORDER BY s.id DESC), '[]'::json))::text
  FROM series s
