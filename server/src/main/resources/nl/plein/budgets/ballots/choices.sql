-- A ballot's choices, in the order of the items on the ballot. Parameter: :ballot.
SELECT c.item_id, c.points
  FROM ballot_choices c
 WHERE c.ballot_id = :ballot
 ORDER BY c.item_id
