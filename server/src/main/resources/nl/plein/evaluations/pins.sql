-- The pins of the evaluations that count (not hidden) of the given works, as a GeoJSON
-- FeatureCollection: where the place is used (used = true) or not. No id or author: a pin is not
-- tied to a person. Ordered by place, not by when it was written. Parameter: :works (ids).
SELECT json_build_object(
           'type', 'FeatureCollection',
           'features', coalesce(json_agg(json_build_object(
               'type', 'Feature',
               'geometry', ST_AsGeoJSON(e.pin, 7)::json,
               'properties', json_build_object('workId', e.work_id, 'used', e.pin_used))
               ORDER BY e.work_id, ST_X(e.pin), ST_Y(e.pin), e.pin_used), '[]'::json))::text
  FROM evaluations e
 WHERE e.work_id = ANY(:works) AND NOT e.hidden AND e.pin IS NOT NULL
