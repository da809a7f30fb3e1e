-- Who uploaded a photo. Parameter: :id.
SELECT author_id FROM photos WHERE id = :id
