INSERT INTO proposal_decisions (proposal_id, from_status, to_status, reason, decided_by, decided_at)
VALUES (:proposal, :fromStatus, :toStatus, :reason, :decidedBy, :decidedAt)
