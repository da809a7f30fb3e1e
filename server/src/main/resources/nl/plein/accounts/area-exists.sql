-- Whether an area exists (a home must be one). Parameter: :area.
SELECT EXISTS (SELECT 1 FROM areas WHERE id = :area)
