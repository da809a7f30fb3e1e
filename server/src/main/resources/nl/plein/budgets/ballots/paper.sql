-- One paper ballot, row-locked: two members of staff confirming (or rejecting) it at once follow
-- one another, and the second finds it done. Parameter: :paper.
SELECT p.id, p.vote_id, p.area_id, p.code_hash, p.choices::text, p.entered_by, p.confirmed_at IS NOT NULL
  FROM paper_ballots p
 WHERE p.id = :paper
   FOR UPDATE
