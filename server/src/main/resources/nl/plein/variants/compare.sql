-- A variant beside its original, with measures on the ground (geography: metres, square metres)
-- so that residents and planners can weigh the two. Parameters: :id, the variant's, and the
-- visibility rule's: the viewer must be allowed to see both, as in variant-feature.sql.
SELECT json_build_object(
           'type', 'FeatureCollection',
           'features', json_build_array(
               json_build_object('type', 'Feature', 'id', 'proposal-' || p.id,
                   'geometry', ST_AsGeoJSON(p.geom, 7)::json,
                   'properties', json_build_object('role', 'original', 'proposalId', p.id, 'title', p.title,
                       'lengthM', round(ST_Length(p.geom::geography)::numeric, 1),
                       'areaM2', round(ST_Area(p.geom::geography)::numeric, 1))),
               json_build_object('type', 'Feature', 'id', 'variant-' || v.id,
                   'geometry', ST_AsGeoJSON(v.geom, 7)::json,
                   'properties', json_build_object('role', 'variant', 'variantId', v.id, 'title', v.title,
                       'lengthM', round(ST_Length(v.geom::geography)::numeric, 1),
                       'areaM2', round(ST_Area(v.geom::geography)::numeric, 1)))),
           'comparison', json_build_object(
               'distanceM', round(ST_Distance(p.geom::geography, v.geom::geography)::numeric, 1),
               'hausdorffM', round(ST_HausdorffDistance(ST_Transform(p.geom, 3857), ST_Transform(v.geom, 3857))::numeric
                                   * cos(radians(ST_Y(ST_Centroid(p.geom))))::numeric, 1),
               'sharedAreaShare', CASE WHEN ST_Dimension(p.geom) = 2 AND ST_Dimension(v.geom) = 2
                   THEN round((ST_Area(ST_Intersection(p.geom, v.geom)::geography)
                               / nullif(ST_Area(ST_Union(p.geom, v.geom)::geography), 0))::numeric, 4) END))::text
  FROM variants v
  JOIN proposals p ON p.id = v.proposal_id
 WHERE v.id = :id
   AND <visible>
   -- the variant itself: not hidden or withdrawn, except to staff (and, unless withdrawn, its author)
   AND (:staff::boolean OR (NOT v.withdrawn AND (v.author_id = :viewer OR NOT v.hidden)))
