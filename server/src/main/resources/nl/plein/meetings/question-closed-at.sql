-- When the meeting's question was closed (NULL while open), its row locked for update;
-- no row when the meeting has no such question.
-- Parameters: :question, :meeting.
SELECT closed_at FROM meeting_questions WHERE id = :question AND meeting_id = :meeting FOR UPDATE
