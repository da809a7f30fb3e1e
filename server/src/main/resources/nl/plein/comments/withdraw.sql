-- The author takes a comment back. Parameters: :id, :author.
UPDATE comments SET withdrawn = true, updated_at = now() WHERE id = :id AND author_id = :author
