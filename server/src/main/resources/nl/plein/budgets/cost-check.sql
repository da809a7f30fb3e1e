-- The pot an item of vote :vote would be in and what it would cost after a change: pot :pot (or,
-- when null, the pot of item :item), and cost :cost (or, when null, item :item's cost); with the
-- pot's name and budget, to refuse an item that costs more than its whole pot.
SELECT t.name, t.budget,
       coalesce(:cost::bigint, (SELECT i.cost FROM ballot_items i WHERE i.id = :item::bigint AND i.vote_id = :vote)) AS cost
  FROM vote_pots t
 WHERE t.vote_id = :vote
   AND t.id = coalesce(:pot::bigint, (SELECT i.pot_id FROM ballot_items i WHERE i.id = :item::bigint AND i.vote_id = :vote))
