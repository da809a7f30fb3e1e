-- Uses a code up. A second request with the same code waits here for the first to end, then finds
-- it used and matches no row: a code yields one ballot however many race for it.
-- Parameters: :vote, :code (bytea).
UPDATE voting_codes SET used_at = now()
 WHERE code_hash = :code AND vote_id = :vote AND used_at IS NULL
RETURNING batch_id
