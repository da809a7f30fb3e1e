-- Closes one question now.
-- Parameters: :question.
UPDATE meeting_questions SET closed_at = now() WHERE id = :question
