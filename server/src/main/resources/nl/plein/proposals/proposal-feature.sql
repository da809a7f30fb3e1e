-- Proposals as GeoJSON Features, serialised by PostgreSQL, newest first: only those the viewer may
-- see (<visible>, with its :staff and :viewer; :viewer also says "supportedByMe", -1 for nobody),
-- narrowed by the list filter's conditions (<project>, <bbox>, <category>, <status>, <place>,
-- <text>, each empty when the filter lacks it) and by <position> (all, or a page before an id), at
-- most :limit of them. Counts of comments and variants include only what the public sees.
-- <geometry> is the drawing as stored, or for display with lines and areas simplified by :tolerance
-- (degrees; ST_SimplifyPreserveTopology keeps them valid, points stay exact): two fixed fragments
-- rather than a CASE on a bound value, which made PostgreSQL plan the statement anew at each call.
-- <properties> is proposal-properties.sql. A single proposal has its own statement, proposal.sql,
-- with the same properties and its decisions.
SELECT p.id,
       json_build_object(
           'type', 'Feature',
           'id', p.id,
           'geometry', ST_AsGeoJSON(<geometry>, 7)::json,
           'properties', props.json)::text
  FROM proposals p
  JOIN accounts a ON a.id = p.author_id
  CROSS JOIN LATERAL (<properties>) props
 WHERE <visible> <project> <bbox> <category> <status> <place> <text> <position>
 ORDER BY p.id DESC
 LIMIT :limit
