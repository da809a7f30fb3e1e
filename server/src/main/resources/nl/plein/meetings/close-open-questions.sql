-- Closes the meeting's open question, if any (a presenter moves on, or the meeting closes).
-- Parameters: :meeting.
UPDATE meeting_questions SET closed_at = now() WHERE meeting_id = :meeting AND closed_at IS NULL
