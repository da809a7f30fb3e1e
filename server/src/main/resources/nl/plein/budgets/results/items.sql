-- The items of a counted vote as GeoJSON Features, written by PostGIS (geometry null for an item
-- without one), each saying whether each rule funds it and whether the vote's own rule does. Each
-- item's votes and supporters come as JSON text, already shown as the reader may see them
-- (:items, :votes and :supporters are parallel arrays; an item missing from them shows 0).
SELECT json_build_object('type', 'Feature', 'id', i.id,
           'geometry', ST_AsGeoJSON(i.geom, 7)::json,
           'properties', json_build_object('id', i.id, 'potId', i.pot_id, 'areaId', p.area_id, 'potName', p.name,
               'title', i.title, 'cost', i.cost, 'votes', coalesce(s.votes::json, '0'::json),
               'supporters', coalesce(s.supporters::json, '0'::json),
               'fundedGreedy', g.funded_order IS NOT NULL, 'fundedEqualShares', e.funded_order IS NOT NULL,
               'funded', CASE v.rule WHEN 'greedy' THEN g.funded_order IS NOT NULL ELSE e.funded_order IS NOT NULL END))::text
  FROM ballot_items i
  JOIN vote_pots p ON p.id = i.pot_id
  JOIN votes v ON v.id = i.vote_id
  LEFT JOIN vote_results g ON g.pot_id = i.pot_id AND g.rule = 'greedy' AND g.item_id = i.id
  LEFT JOIN vote_results e ON e.pot_id = i.pot_id AND e.rule = 'equal_shares' AND e.item_id = i.id
  LEFT JOIN unnest(CAST(:items AS bigint[]), CAST(:votes AS text[]), CAST(:supporters AS text[]))
            AS s (item, votes, supporters) ON s.item = i.id
 WHERE i.vote_id = :vote
 ORDER BY i.pot_id, i.id
