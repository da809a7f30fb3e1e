-- Each item's supporters: the ballots of the vote that chose it (for a cumulative ballot, gave it
-- points), over the same ballots counting reads. An item nobody chose has no row.
SELECT c.item_id AS item, count(*) AS supporters
  FROM ballots b
  JOIN ballot_choices c ON c.ballot_id = b.id
  JOIN ballot_items i ON i.id = c.item_id
 WHERE b.vote_id = :vote
 GROUP BY c.item_id
