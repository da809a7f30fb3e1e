-- Every boundary set, oldest first, with how many areas it has and their population, as JSON.
SELECT json_build_object('id', s.id, 'name', s.name, 'year', s.year, 'level', s.kind,
           'count', count(a.id), 'populationTotal', coalesce(sum(a.population), 0),
           'createdAt', s.created_at)::text
  FROM area_sets s LEFT JOIN areas a ON a.area_set_id = s.id
 GROUP BY s.id ORDER BY s.id
