-- Deletes slide :id of presentation :presentation; returns the position it had.
DELETE FROM slides WHERE id = :id AND presentation_id = :presentation RETURNING position
