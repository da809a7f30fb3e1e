-- The vote a paper ballot belongs to (read without a lock, to lock the vote before the paper
-- ballot). Parameter: :paper.
SELECT p.vote_id FROM paper_ballots p WHERE p.id = :paper
