-- The flows half of the participation statement, for a whole project or a date range: proposals by
-- pair of home area and proposal area, and the distances from home to proposal. It runs beside
-- participation-areas.sql on another connection over the same snapshot.
--
-- A proposal counts when its author gave a home area (kept in activity_people, equal to the
-- account's) that lies in this set (area_in_set); it lies in the area of this set its drawing lies
-- in (placements). Distances are planar, in the set's metric CRS, from the home area's centroid to
-- a point on the proposal.
--
-- Parameters: :project, :set, :from (inclusive) and :to (exclusive) or NULL, :srid (the metric CRS
-- distances are measured in), :minflow (the smallest pair count listed among the flows), :maxflows
-- (the most pairs listed).

-- The authors' home areas, read apart so that the proposals find them by one hash join rather than
-- an index probe each.
WITH author_home AS MATERIALIZED (
    SELECT account_id, home_area_id FROM activity_people
     WHERE project_id = :project::bigint AND home_area_id IS NOT NULL
),
authored AS MATERIALIZED (
    SELECT ah.home_area_id, pl.area_id, p.geom
      FROM proposals p
      JOIN author_home ah ON ah.account_id = p.author_id
      LEFT JOIN placements pl ON pl.drawing = 'proposal' AND pl.drawing_id = p.id
                             AND pl.area_set_id = :set::bigint
     WHERE p.project_id = :project::bigint
       AND (:from::timestamptz IS NULL OR p.created_at >= :from::timestamptz)
       AND (:to::timestamptz IS NULL OR p.created_at < :to::timestamptz)
),
-- Each home area once, in this set.
home_map AS MATERIALIZED (
    SELECT h.home_area_id AS home_id, area_in_set(h.home_area_id, :set::bigint) AS area_id
      FROM (SELECT DISTINCT home_area_id FROM authored) h
),
proposal_home AS MATERIALIZED (
    SELECT hm.area_id AS home, a.area_id, a.geom
      FROM authored a JOIN home_map hm ON hm.home_id = a.home_area_id
     WHERE hm.area_id IS NOT NULL
),
flow AS MATERIALIZED (
    SELECT home, area_id, count(*) AS proposals
      FROM proposal_home WHERE area_id IS NOT NULL
     GROUP BY home, area_id
),
home_centre AS MATERIALIZED (
    SELECT a.id, ST_Centroid(ST_Transform(a.geom, :srid::integer)) AS centre
      FROM areas a
     WHERE a.id IN (SELECT area_id FROM home_map)
),
distance AS MATERIALIZED (
    -- A point is its own point on surface; asking GEOS for it cost more than the distance itself.
    SELECT ST_Distance(hc.centre, ST_Transform(CASE WHEN GeometryType(ph.geom) = 'POINT' THEN ph.geom
                                                    ELSE ST_PointOnSurface(ph.geom) END, :srid::integer)) AS metres
      FROM proposal_home ph
      JOIN home_centre hc ON hc.id = ph.home
)
SELECT
    (SELECT json_build_array((SELECT count(*) FROM flow),
                (SELECT coalesce(sum(proposals), 0) FROM flow WHERE home = area_id),
                (SELECT json_agg(json_build_array(home, area_id, proposals) ORDER BY proposals DESC, home, area_id)
                   FROM (SELECT * FROM flow WHERE proposals >= :minflow::bigint ORDER BY proposals DESC, home, area_id LIMIT :maxflows::integer) f))
    )::text AS flows,
    (SELECT json_build_array(count(*), avg(metres),
                percentile_cont(ARRAY[0.25, 0.5, 0.75, 0.9]::float8[]) WITHIN GROUP (ORDER BY metres),
                count(*) FILTER (WHERE metres < 250), count(*) FILTER (WHERE metres >= 250 AND metres < 500),
                count(*) FILTER (WHERE metres >= 500 AND metres < 1000),
                count(*) FILTER (WHERE metres >= 1000 AND metres < 2000),
                count(*) FILTER (WHERE metres >= 2000 AND metres < 5000), count(*) FILTER (WHERE metres >= 5000))
       FROM distance)::text AS distances
