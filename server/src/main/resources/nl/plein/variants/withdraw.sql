-- The author takes a variant back. Parameters: :id, :author.
UPDATE variants SET withdrawn = true, updated_at = now() WHERE id = :id AND author_id = :author
