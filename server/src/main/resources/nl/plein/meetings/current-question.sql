-- The meeting's open question, if any (at most one is open at a time).
-- Parameters: :meeting.
SELECT id FROM meeting_questions WHERE meeting_id = :meeting AND closed_at IS NULL
