-- Records a decision with its public reason; :from is null for the first (submission).
-- Parameters: :id, :from, :to, :reason, :by.
INSERT INTO proposal_decisions (proposal_id, from_status, to_status, reason, decided_by)
VALUES (:id, :from, :to, :reason, :by)
