-- The instance's projects as items without geometry, each keeping its Pabulib id and whether the
-- instance records it as selected. Returns each item's id with its Pabulib id.
INSERT INTO ballot_items (vote_id, pot_id, title, cost, reason, external_id, recorded_selected)
SELECT :vote, :pot, p.title, p.cost, 'Imported from Pabulib', p.external_id, CAST(p.selected AS boolean)
  FROM unnest(:externalIds, :titles, :costs, :selected) WITH ORDINALITY AS p (external_id, title, cost, selected, n)
 ORDER BY p.n
RETURNING id, external_id
