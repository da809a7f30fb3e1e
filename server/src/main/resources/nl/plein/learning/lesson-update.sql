-- A lesson's new text. Parameters: :id, :text.
UPDATE lessons SET text = :text, updated_at = now() WHERE id = :id
