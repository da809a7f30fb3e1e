-- A new open question of a meeting. Parameters: :meeting, :kind ('choice' or 'pin'), :prompt,
-- :options (text[]; empty for a pin question).
INSERT INTO meeting_questions (meeting_id, kind, prompt, options)
VALUES (:meeting, :kind, :prompt, :options)
RETURNING id
