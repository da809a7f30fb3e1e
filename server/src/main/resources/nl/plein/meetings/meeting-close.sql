-- Closes the meeting now (the caller holds its row for update).
-- Parameters: :meeting.
UPDATE meetings SET closed_at = now() WHERE id = :meeting
