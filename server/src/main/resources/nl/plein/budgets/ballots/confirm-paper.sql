-- Marks a paper ballot confirmed by a second member of staff, with the ballot it became.
-- Parameters: :paper, :by, :ballot.
UPDATE paper_ballots SET confirmed_by = :by, confirmed_at = now(), ballot_id = :ballot WHERE id = :paper
