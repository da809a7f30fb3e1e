-- Work :work's status follows its newest step other than an update (by date, then as entered):
-- planned while there is none; finished_on is that step's date when it is 'done', else null.
UPDATE works w
   SET status = coalesce(newest.step, 'planned'),
       finished_on = CASE WHEN newest.step = 'done' THEN newest.on_date END,
       updated_at = now()
  FROM (SELECT :work::bigint AS id) k
  LEFT JOIN LATERAL (SELECT s.step, s.on_date
                       FROM work_steps s
                      WHERE s.work_id = k.id AND s.step <> 'update'
                      ORDER BY s.on_date DESC, s.id DESC
                      LIMIT 1) newest ON true
 WHERE w.id = k.id
