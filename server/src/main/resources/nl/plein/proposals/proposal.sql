-- One proposal (:id) as a GeoJSON Feature, serialised by PostgreSQL, if the viewer may see it
-- (<visible>, with its :staff and :viewer; :viewer also says "supportedByMe", -1 for nobody), its
-- geometry exact, its photos (<photos>, from PhotoTarget) and its decisions, oldest first, as the
-- last properties. Its <properties> are the
-- list's (proposal-feature.sql), from proposal-properties.sql.
-- A statement of its own rather than the list's narrowed to one id: once pgjdbc prepares it on the
-- server PostgreSQL keeps one generic plan for it, whereas the list's statement, general over its
-- bound values (:tolerance, :withDecisions, :limit), kept being planned anew at every execution,
-- and for one proposal that planning cost about four times the reading itself.
SELECT p.id,
       json_build_object(
           'type', 'Feature',
           'id', p.id,
           'geometry', ST_AsGeoJSON(p.geom, 7)::json,
           'properties', (
                   -- The decisions stay out of json_strip_nulls (the first one's "from" is null):
                   -- json_each hands back each property as PostgreSQL wrote it, in its order.
                   SELECT json_object_agg(e.key, e.value ORDER BY e.n)
                     FROM (SELECT x.key, x.value, x.n
                             FROM json_each(props.json) WITH ORDINALITY AS x (key, value, n)
                           UNION ALL
                           SELECT 'photos', <photos>, 2147483646
                           UNION ALL
                           SELECT 'decisions', coalesce(json_agg(json_build_object(
                                      'from', d.from_status,
                                      'to', d.to_status,
                                      'reason', d.reason,
                                      'decidedAt', d.decided_at) ORDER BY d.id), '[]'::json), 2147483647
                             FROM proposal_decisions d
                            WHERE d.proposal_id = p.id) e))::text
  FROM proposals p
  JOIN accounts a ON a.id = p.author_id
  CROSS JOIN LATERAL (<properties>) props
 WHERE p.id = :id AND <visible>
