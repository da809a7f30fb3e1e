-- A pot of vote :vote that now has less money than its dearest item (null area: the city-wide
-- pot), with that item's cost; no row when every item still fits its pot.
SELECT t.name, t.area_id, t.budget, max(i.cost) AS cost
  FROM vote_pots t
  JOIN ballot_items i ON i.pot_id = t.id
 WHERE t.vote_id = :vote
 GROUP BY t.id
HAVING max(i.cost) > t.budget
 ORDER BY t.id
 LIMIT 1
