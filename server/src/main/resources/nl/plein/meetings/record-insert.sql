-- The record a meeting leaves at its close, returned as stored. Parameters: :meeting, :closed
-- (when it closed), :content (the record as JSON text).
INSERT INTO meeting_records (meeting_id, closed_at, content)
VALUES (:meeting, :closed, :content::jsonb)
RETURNING content::text
