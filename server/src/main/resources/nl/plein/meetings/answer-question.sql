-- The question an answer is for, share-locked so it cannot close half-way through the answer: its
-- kind, how many options it has and whether it is closed. Parameters: :question, :meeting.
SELECT kind, cardinality(options) AS options, closed_at IS NOT NULL AS closed
  FROM meeting_questions
 WHERE id = :question AND meeting_id = :meeting
   FOR SHARE
