-- The ballots of a pot for a Pabulib file, without identity: each ballot's chosen items of this pot
-- (Pabulib ids) with their points and the code of the voter's home area, in an order drawn at
-- random now, so the voter ids the file gives (1, 2, …, in this order) say nothing of who voted when.
SELECT array_agg(coalesce(i.external_id, i.id::text) ORDER BY i.id) AS projects,
       array_agg(c.points ORDER BY i.id) AS points, min(a.code) AS home
  FROM ballots b
  JOIN ballot_choices c ON c.ballot_id = b.id
  JOIN ballot_items i ON i.id = c.item_id AND i.pot_id = :pot
  LEFT JOIN areas a ON a.id = b.area_id
 WHERE b.vote_id = :vote
 GROUP BY b.id
 ORDER BY random()
