-- Vote :vote's pots for areas :areas (ids, in step with :budgets), each named after its area: made,
-- or their budgets changed when they are there.
INSERT INTO vote_pots (vote_id, area_id, name, budget)
SELECT :vote, a.id, a.name, x.budget
  FROM unnest(:areas::bigint[], :budgets::bigint[]) AS x (area_id, budget)
  JOIN areas a ON a.id = x.area_id
 WHERE true -- keeps ON CONFLICT apart from the join's ON
ON CONFLICT (vote_id, area_id) WHERE area_id IS NOT NULL
DO UPDATE SET budget = EXCLUDED.budget, name = EXCLUDED.name
