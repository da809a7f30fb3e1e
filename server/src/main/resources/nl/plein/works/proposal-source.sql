-- What a work made from proposal :proposal needs: its project, status, title and description, and
-- the work already made from it (null: none).
SELECT p.project_id, p.status, p.withdrawn, p.title, p.description,
       (SELECT w.id FROM works w WHERE w.proposal_id = p.id AND w.item_id IS NULL) AS work_id
  FROM proposals p
 WHERE p.id = :proposal
