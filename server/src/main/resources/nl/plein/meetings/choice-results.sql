-- The visible answers to a choice question per option chosen. Parameters: :question.
SELECT choice, count(*) AS answers
  FROM meeting_answers
 WHERE question_id = :question AND NOT hidden AND choice IS NOT NULL
 GROUP BY choice
