-- The works of a round with what realisation and evaluation need: dates, money, status, and the
-- evaluations (hidden ones left out) counted with their mean rating. Parameters: :project.
SELECT w.id, w.title, w.status, w.planned_end, w.finished_on, w.budget, w.spent,
       count(e.id) AS evaluations, avg(e.rating)::double precision AS mean_rating
  FROM works w
  LEFT JOIN evaluations e ON e.work_id = w.id AND NOT e.hidden
 WHERE w.project_id = :project
 GROUP BY w.id
 ORDER BY w.planned_end, w.id
