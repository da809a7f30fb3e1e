-- Per work, the evaluations that count (hidden ones do not): how many, how many gave each rating,
-- their mean, and how many carry a pin. <which> chooses the works: one (:work) or those of a
-- project (:project) that are done or were evaluated. Parameters: :work or :project.
SELECT w.id, w.title, w.status, w.finished_on,
       count(e.id) AS n,
       count(e.id) FILTER (WHERE e.rating = 1) AS r1,
       count(e.id) FILTER (WHERE e.rating = 2) AS r2,
       count(e.id) FILTER (WHERE e.rating = 3) AS r3,
       count(e.id) FILTER (WHERE e.rating = 4) AS r4,
       count(e.id) FILTER (WHERE e.rating = 5) AS r5,
       avg(e.rating)::float8 AS mean,
       count(e.pin) AS pins
  FROM works w
  LEFT JOIN evaluations e ON e.work_id = w.id AND NOT e.hidden
 WHERE <which>
 GROUP BY w.id
 ORDER BY w.id
