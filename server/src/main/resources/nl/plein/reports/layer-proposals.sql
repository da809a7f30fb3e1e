-- The proposals everyone can see with one of the given statuses, the class being the status's
-- place in :statuses; areas under lines under points, so that no proposal hides another kind.
-- Parameters: :statuses and those of analysis.Selection (<where>, on the proposals p).
SELECT p.geom, 'proposal' AS kind, array_position(:statuses::text[], p.status) AS cls, NULL::text AS label,
       (CASE WHEN GeometryType(p.geom) LIKE '%POLYGON' THEN 0
             WHEN GeometryType(p.geom) LIKE '%LINESTRING' THEN 1 ELSE 2 END) * 10000000000 + p.id AS ord
  FROM proposals p
 WHERE p.status = ANY(:statuses::text[]) AND <where>
