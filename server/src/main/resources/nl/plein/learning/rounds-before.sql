-- The rounds of the same series before project :project (lower position), oldest first.
SELECT r.project_id, r.label, r.position, p.title
  FROM series_rounds me
  JOIN series_rounds r ON r.series_id = me.series_id AND r.position < me.position
  JOIN projects p ON p.id = r.project_id
 WHERE me.project_id = :project
 ORDER BY r.position, r.project_id
