-- Project :project's works as the learning report reads them: dates, money and the shared flags
-- (<delayed>, <on_time>: WorkStore's one definition, for :today), by planned end.
SELECT w.id, w.title, w.status, w.planned_end, w.finished_on, w.budget, w.spent,
       <delayed> AS delayed, <on_time> AS on_time
  FROM works w
 WHERE w.project_id = :project
 ORDER BY w.planned_end, w.id
