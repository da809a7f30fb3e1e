-- Whether the photo's target exists, its row locked until the photo is written, so that two uploads
-- at once cannot both pass the limit. <table> comes from PhotoTarget, never from the request.
-- Parameter: :id.
SELECT id FROM <table> WHERE id = :id FOR UPDATE
