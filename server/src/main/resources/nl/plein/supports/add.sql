-- One support per person per proposal: the primary key makes a second one a no-op, and the
-- trigger on supports keeps the proposal's count in the same transaction. Parameters: :proposal,
-- :account, :meeting (null outside a live meeting).
INSERT INTO supports (proposal_id, account_id, meeting_id)
VALUES (:proposal, :account, :meeting)
ON CONFLICT DO NOTHING
