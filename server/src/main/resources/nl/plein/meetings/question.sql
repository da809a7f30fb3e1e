-- A meeting's question as its screens show it. Parameters: :question.
SELECT id, kind, prompt, options, opened_at, closed_at FROM meeting_questions WHERE id = :question
