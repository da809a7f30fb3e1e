-- Closes an open vote now: no ballot is taken after this transaction commits (the ballots store
-- checks closes_at against the same clock).
UPDATE votes SET closes_at = now(), updated_at = now() WHERE id = :vote AND now() > opens_at AND now() < closes_at
