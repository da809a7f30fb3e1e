-- A voting code of a vote by its hash: its letters' area and whether it is used already.
-- Parameters: :vote, :code (bytea).
SELECT b.area_id, c.used_at IS NOT NULL AS used
  FROM voting_codes c
  JOIN voting_code_batches b ON b.id = c.batch_id
 WHERE c.code_hash = :code AND c.vote_id = :vote
