-- The proposal's support count as the trigger on supports keeps it. Parameter: :proposal.
SELECT support_count FROM proposals WHERE id = :proposal
