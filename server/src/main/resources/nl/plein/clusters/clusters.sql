-- DBSCAN clusters of a project's proposals (METHODS.md §5), in one statement: the proposals
-- everyone can see, filtered, each as one point in the project's metric CRS (a line or an area by
-- ST_PointOnSurface, always inside it), snapped to whole millimetres so that two drawings placed
-- exactly eps apart stay neighbours despite the round-off of the transformation; then
-- ST_ClusterDBSCAN (neighbourhood inclusive, a point counts itself towards minpoints) and, per
-- cluster, its members, outline, category mix, most-supported proposals and titles.
--
-- Fragments and parameters: those of the selection (analysis.Selection: <placed>, the proposals with
-- a place, each or one per location; <point>; the project, the visibility rule as for an anonymous
-- viewer, the filters), :srid, :eps (metres), :minpoints, :top (most-supported proposals per
-- cluster). The outline is a GeoJSON geometry and the centre a GeoJSON position, both in WGS 84,
-- written here once and passed through to the answer as they are.
WITH member AS MATERIALIZED (
    SELECT p.id, p.title, p.category, p.support_count,
           ST_SnapToGrid(ST_Transform(<point>, :srid::integer), 0.001) AS point
      FROM <placed> p
),
clustered AS MATERIALIZED (
    SELECT m.*, ST_ClusterDBSCAN(m.point, :eps::float8, :minpoints::integer) OVER (ORDER BY m.id) AS cluster
      FROM member m
),
category_mix AS (
    SELECT cluster, json_agg(json_build_array(category, n) ORDER BY n DESC, category NULLS LAST) AS categories
      FROM (SELECT cluster, category, count(*) AS n FROM clustered WHERE cluster IS NOT NULL
             GROUP BY cluster, category) c
     GROUP BY cluster
),
summary AS (
    SELECT cluster, count(*) AS members,
           ST_AsGeoJSON(ST_Transform(ST_ConvexHull(ST_Collect(point)), 4326), 7) AS outline,
           (ST_AsGeoJSON(ST_Transform(ST_Centroid(ST_Collect(point)), 4326), 7)::json -> 'coordinates')::text
               AS centre,
           (array_agg(json_build_array(id, title, support_count) ORDER BY support_count DESC, id))[1:(:top::integer)]
               AS most_supported,
           array_agg(title ORDER BY id) AS titles
      FROM clustered WHERE cluster IS NOT NULL
     GROUP BY cluster
)
SELECT s.cluster, s.members, s.outline, s.centre, array_to_json(s.most_supported)::text AS most_supported,
       s.titles, m.categories::text AS categories,
       (SELECT count(*) FROM clustered) AS proposals, (SELECT count(*) FROM clustered WHERE cluster IS NULL) AS noise
  FROM summary s JOIN category_mix m USING (cluster)
UNION ALL
-- One row without a cluster carries the totals when there is no cluster at all.
SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       (SELECT count(*) FROM clustered), (SELECT count(*) FROM clustered WHERE cluster IS NULL)
 ORDER BY 1 NULLS LAST
