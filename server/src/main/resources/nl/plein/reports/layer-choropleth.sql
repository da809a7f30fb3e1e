-- Areas of a set with the class each is coloured in (computed in Java from the public figures).
-- Parameters: :ids, :classes (text arrays of the same length).
SELECT a.geom, 'area' AS kind, c.cls::integer AS cls, NULL::text AS label, a.id AS ord
  FROM areas a JOIN unnest(:ids::text[], :classes::text[]) AS c(id, cls) ON a.id = c.id::bigint
