-- The ids of all the meeting's questions, in the order they were asked.
-- Parameters: :meeting.
SELECT id FROM meeting_questions WHERE meeting_id = :meeting ORDER BY id
