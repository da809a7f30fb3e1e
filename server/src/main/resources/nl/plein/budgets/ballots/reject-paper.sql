-- Rejects a pending paper ballot: it is deleted (it never became a ballot). Parameter: :paper.
DELETE FROM paper_ballots WHERE id = :paper AND confirmed_at IS NULL
