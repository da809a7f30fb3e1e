-- Every pot of a vote with its budget and items (a pot without items has one row with item NULL).
SELECT p.id AS pot, p.budget, i.id AS item, i.cost
  FROM vote_pots p
  LEFT JOIN ballot_items i ON i.pot_id = p.id
 WHERE p.vote_id = :vote
 ORDER BY p.id, i.id
