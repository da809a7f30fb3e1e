UPDATE votes SET counted_at = now(), updated_at = now() WHERE id = :vote
