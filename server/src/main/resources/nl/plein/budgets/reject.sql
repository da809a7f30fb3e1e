-- The public review of proposal :proposal for vote :vote: not admitted, with reason :reason, by
-- planner :account; an earlier review of it is replaced.
INSERT INTO vote_reviews (vote_id, proposal_id, admitted, reason, reviewed_by)
VALUES (:vote, :proposal, false, :reason, :account)
ON CONFLICT (vote_id, proposal_id)
DO UPDATE SET admitted = false, reason = EXCLUDED.reason, reviewed_by = EXCLUDED.reviewed_by, reviewed_at = now()
