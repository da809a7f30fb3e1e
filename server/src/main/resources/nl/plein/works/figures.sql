-- Project :project's works counted: by status, on time and delayed (<on_time>, <delayed>, as in
-- work.sql, for :today), on and over budget, with the budgets and spending summed (whole euros).
SELECT count(*) AS works,
       count(*) FILTER (WHERE w.status = 'planned') AS planned,
       count(*) FILTER (WHERE w.status = 'design') AS design,
       count(*) FILTER (WHERE w.status = 'tender') AS tender,
       count(*) FILTER (WHERE w.status = 'construction') AS construction,
       count(*) FILTER (WHERE w.status = 'done') AS done,
       count(*) FILTER (WHERE w.status = 'cancelled') AS cancelled,
       count(*) FILTER (WHERE <on_time>) AS on_time,
       count(*) FILTER (WHERE <delayed>) AS delayed,
       count(*) FILTER (WHERE w.spent <= w.budget) AS on_budget,
       count(*) FILTER (WHERE w.spent > w.budget) AS over_budget,
       coalesce(sum(w.budget), 0) AS budget,
       coalesce(sum(w.spent), 0) AS spent
  FROM works w
 WHERE w.project_id = :project
