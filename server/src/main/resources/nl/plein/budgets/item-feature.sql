-- The ballot items of vote :vote as GeoJSON Features, written by PostGIS: item :item only, or (when
-- :item is null) every item, narrowed to pot :pot when it is given; by pot, then in the order they
-- were admitted. An item without geometry (about the whole area, or imported) has geometry null.
-- areaId is its pot's area (null: the city-wide pot).
SELECT json_build_object(
           'type', 'Feature',
           'id', i.id,
           'geometry', ST_AsGeoJSON(i.geom, 7)::json,
           'properties', json_build_object(
               'id', i.id,
               'voteId', i.vote_id,
               'potId', i.pot_id,
               'areaId', t.area_id,
               'title', i.title,
               'description', i.description,
               'cost', i.cost,
               'reason', i.reason,
               'proposalIds', coalesce((SELECT json_agg(bp.proposal_id ORDER BY bp.proposal_id)
                                          FROM ballot_item_proposals bp WHERE bp.item_id = i.id), '[]'::json),
               'externalId', i.external_id,
               'createdAt', to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               'updatedAt', to_char(i.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')))::text
  FROM ballot_items i
  JOIN vote_pots t ON t.id = i.pot_id
 WHERE i.vote_id = :vote
   AND (i.id = :item OR :item::bigint IS NULL)
   AND (i.pot_id = :pot OR :pot::bigint IS NULL)
 ORDER BY t.area_id IS NOT NULL, t.name, i.pot_id, i.id
