-- Every ballot of a vote, split by pot: per pot and ballot the chosen items and their points, in
-- one pass over the choices (set-based; no query per ballot). A ballot that chose nothing in a pot
-- has no row for it: it is not one of that pot's voters.
SELECT i.pot_id AS pot, array_agg(c.item_id ORDER BY c.item_id) AS items,
       array_agg(c.points ORDER BY c.item_id) AS points
  FROM ballots b
  JOIN ballot_choices c ON c.ballot_id = b.id
  JOIN ballot_items i ON i.id = c.item_id
 WHERE b.vote_id = :vote
 GROUP BY i.pot_id, b.id
