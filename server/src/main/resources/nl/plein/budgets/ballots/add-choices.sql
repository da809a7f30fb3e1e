-- Writes a ballot's choices, item by item with its points. Parameters: :ballot, :items (bigint[]),
-- :points (integer[], same length).
INSERT INTO ballot_choices (ballot_id, item_id, points)
SELECT :ballot, c.item_id, c.points
  FROM unnest(:items::bigint[], :points::integer[]) AS c (item_id, points)
