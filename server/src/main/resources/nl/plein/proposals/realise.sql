-- The proposals in :ids that were accepted become realised, each with the decision recorded and
-- :reason as its public reason (the finished work's note), by :by. Withdrawn proposals and those
-- in any other status are left as they are. Answers the proposals changed.
WITH changed AS (
    UPDATE proposals
       SET status = 'realised', updated_at = now()
     WHERE id = ANY(:ids) AND status = 'accepted' AND NOT withdrawn
 RETURNING id
)
INSERT INTO proposal_decisions (proposal_id, from_status, to_status, reason, decided_by)
SELECT id, 'accepted', 'realised', :reason, :by FROM changed
RETURNING proposal_id
