-- The newest visible answers to a question, for staff to hide one. A pin is numbered by its place
-- among the visible pins in id order (as the live state lists them), and named after the project's
-- place it was put on (within 5 m: a phone without the map picks a place from the list) or else
-- the neighbourhood (of the newest boundary set) it lies in. Parameters: :question, :limit (how
-- many).
WITH visible AS (
    SELECT a.id, a.choice, a.geom, a.answered_at, m.project_id,
           CASE WHEN a.geom IS NOT NULL
                THEN row_number() OVER (PARTITION BY a.geom IS NOT NULL ORDER BY a.id) END AS number
      FROM meeting_answers a
      JOIN meeting_questions q ON q.id = a.question_id
      JOIN meetings m ON m.id = q.meeting_id
     WHERE a.question_id = :question AND NOT a.hidden
)
SELECT v.id, v.answered_at, v.choice, v.number, ST_X(v.geom), ST_Y(v.geom),
       CASE WHEN v.geom IS NOT NULL THEN coalesce(
           (SELECT pl.name FROM places pl
             WHERE pl.project_id = v.project_id AND ST_DWithin(pl.geom::geography, v.geom::geography, 5)
             ORDER BY pl.geom <-> v.geom LIMIT 1),
           (SELECT ar.name FROM areas ar
             WHERE ar.area_set_id = (SELECT max(id) FROM area_sets) AND ST_Intersects(ar.geom, v.geom)
             ORDER BY ar.id LIMIT 1)) END
  FROM visible v
 ORDER BY v.answered_at DESC, v.id DESC
 LIMIT :limit
