-- Vote :id as it is after a change: every column given, merged and checked by the caller.
UPDATE votes
   SET title = :title, description = :description, ballot_type = :ballotType, min_items = :minItems,
       max_items = :maxItems, points = :points, max_points_per_item = :maxPointsPerItem, rule = :rule,
       area_set_id = :areaSetId, opens_at = :opensAt, closes_at = :closesAt, updated_at = now()
 WHERE id = :id
