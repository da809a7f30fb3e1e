-- The items of a vote among those chosen on a ballot (ids of other votes' items do not match).
-- Parameters: :vote, :ids (bigint[]).
SELECT i.id, i.pot_id, i.cost
  FROM ballot_items i
 WHERE i.vote_id = :vote AND i.id = ANY(:ids)
