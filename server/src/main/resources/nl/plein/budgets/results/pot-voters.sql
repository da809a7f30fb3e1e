-- The voters of each pot: the ballots that chose at least one of its items.
SELECT i.pot_id AS pot, count(DISTINCT c.ballot_id) AS voters
  FROM ballot_items i
  JOIN ballot_choices c ON c.item_id = i.id
 WHERE i.vote_id = :vote
 GROUP BY i.pot_id
