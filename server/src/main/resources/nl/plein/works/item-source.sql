-- What a work made from ballot item :item needs: its vote's project, whether the vote is counted
-- and the item funded by the vote's own rule, its cost, title and description, and the work
-- already made from it (null: none).
SELECT v.project_id, v.counted_at IS NOT NULL AS counted,
       EXISTS (SELECT 1 FROM vote_results r
                WHERE r.item_id = i.id AND r.rule = v.rule AND r.funded_order IS NOT NULL) AS funded,
       i.cost, i.title, i.description,
       (SELECT w.id FROM works w WHERE w.item_id = i.id) AS work_id
  FROM ballot_items i
  JOIN votes v ON v.id = i.vote_id
 WHERE i.id = :item
