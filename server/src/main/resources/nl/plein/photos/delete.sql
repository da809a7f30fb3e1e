-- The uploader removes their photo, its files with it. Parameters: :id, :author.
DELETE FROM photos WHERE id = :id AND author_id = :author
