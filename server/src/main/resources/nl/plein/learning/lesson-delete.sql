-- Removes a lesson. Parameters: :id.
DELETE FROM lessons WHERE id = :id
