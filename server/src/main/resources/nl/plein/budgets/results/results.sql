-- One rule's kept results of a vote, pot by pot: each item with its votes and funding order; funded
-- items first in the order they were funded, then the others by votes (then cost, then id). A pot
-- without items has one row with item NULL.
SELECT p.id AS pot, p.name, p.budget, p.area_id, i.id AS item, i.title, i.cost, r.votes, r.funded_order,
       i.external_id, i.recorded_selected
  FROM vote_pots p
  LEFT JOIN (vote_results r JOIN ballot_items i ON i.id = r.item_id) ON r.pot_id = p.id AND r.rule = :rule
 WHERE p.vote_id = :vote
 ORDER BY (p.area_id IS NOT NULL), p.name, p.id, r.funded_order NULLS LAST, r.votes DESC, i.cost, i.id
