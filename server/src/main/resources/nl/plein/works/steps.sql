-- Work :work's timeline as JSON objects, oldest first (by date, then as entered). A hidden step's
-- note is left out (null) unless :staff; the step itself and its date stay public. Its photos
-- (<photos>, from PhotoTarget) go with the note: none for the public while the step is hidden.
SELECT json_build_object(
           'id', s.id,
           'step', s.step,
           'onDate', to_char(s.on_date, 'YYYY-MM-DD'),
           'note', CASE WHEN s.hidden AND NOT :staff THEN NULL ELSE s.note END,
           'hidden', s.hidden,
           'photos', CASE WHEN s.hidden AND NOT :staff THEN '[]'::json ELSE <photos> END,
           'createdAt', to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text
  FROM work_steps s
 WHERE s.work_id = :work
 ORDER BY s.on_date, s.id
