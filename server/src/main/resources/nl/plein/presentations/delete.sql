-- Deletes presentation :id; its slides go with it (ON DELETE CASCADE).
DELETE FROM presentations WHERE id = :id
