-- participation-{project}-{set}: each area of the set with the project's public participation
-- figures (:figures, an object from area id to figures, made in Java by the participation report).
-- The figures cover the project's whole run, so they have no time of their own.
SELECT a.id, a.geom, NULL::timestamptz AS created_at, f.value::json AS properties
  FROM areas a
  JOIN jsonb_each(:figures::jsonb) f ON f.key = a.id::text
 WHERE a.area_set_id = :set
