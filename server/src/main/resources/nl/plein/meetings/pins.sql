-- The visible pins of a pin question, in the order they were put. Parameters: :question.
SELECT id, ST_X(geom) AS lon, ST_Y(geom) AS lat
  FROM meeting_answers
 WHERE question_id = :question AND NOT hidden AND geom IS NOT NULL
 ORDER BY id
