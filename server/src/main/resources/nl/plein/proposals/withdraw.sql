-- The author takes a proposal back. Parameter: :id.
UPDATE proposals SET withdrawn = true, updated_at = now() WHERE id = :id
