-- The public review of proposals :ids for vote :vote: admitted, with the item's reason :reason, by
-- planner :account; an earlier review of the same proposal (e.g. not admitted) is replaced.
INSERT INTO vote_reviews (vote_id, proposal_id, admitted, reason, reviewed_by)
SELECT :vote, unnest(:ids), true, :reason, :account
ON CONFLICT (vote_id, proposal_id)
DO UPDATE SET admitted = true, reason = EXCLUDED.reason, reviewed_by = EXCLUDED.reviewed_by, reviewed_at = now()
