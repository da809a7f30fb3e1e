-- The proposals work :work carries out, if it is done: its proposal, or its ballot item's
-- proposals. Nothing while the work is not done.
SELECT w.proposal_id FROM works w WHERE w.id = :work AND w.status = 'done' AND w.proposal_id IS NOT NULL
UNION
SELECT bp.proposal_id
  FROM works w JOIN ballot_item_proposals bp ON bp.item_id = w.item_id
 WHERE w.id = :work AND w.status = 'done'
