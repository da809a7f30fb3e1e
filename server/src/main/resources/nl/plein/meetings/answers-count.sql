-- How many answers a question has, leaving out hidden ones.
-- Parameters: :question.
SELECT count(*) FROM meeting_answers WHERE question_id = :question AND NOT hidden
