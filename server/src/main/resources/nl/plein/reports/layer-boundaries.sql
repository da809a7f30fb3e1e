-- The areas of a boundary set. Parameters: :set.
SELECT geom, 'boundary' AS kind, 0 AS cls, NULL::text AS label, id AS ord
  FROM areas WHERE area_set_id = :set::bigint
