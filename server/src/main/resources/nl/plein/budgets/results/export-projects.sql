-- A counted pot's items for a Pabulib file: Pabulib id (the imported one, else Plein's item id),
-- cost, title, votes, and whether the vote's rule funds it.
SELECT coalesce(i.external_id, i.id::text) AS project_id, i.cost, i.title, r.votes, r.funded_order IS NOT NULL AS selected
  FROM ballot_items i
  JOIN vote_results r ON r.pot_id = i.pot_id AND r.rule = :rule AND r.item_id = i.id
 WHERE i.pot_id = :pot
 ORDER BY i.id
