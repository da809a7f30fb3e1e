-- The areas of a boundary set as units of analysis: their id, code and name, centroid in the
-- project's metric CRS (:srid), area in km², outline in WGS 84, and the selected proposals that
-- lie in them (proposals by their placements, evaluation pins by the area that covers them: <areas>),
-- each or one per location as the analysis's selection counts them (<placed>, defined by
-- analysis.Selection).
WITH placed AS (
    SELECT pl.area_id, count(*) AS proposals
      FROM <placed> p
     CROSS JOIN LATERAL <areas> pl
     GROUP BY pl.area_id
)
SELECT a.id, a.code, a.name, ST_X(ST_Centroid(m.metric)) AS x, ST_Y(ST_Centroid(m.metric)) AS y,
       ST_Area(m.metric) / 1e6 AS km2, coalesce(pl.proposals, 0) AS proposals, ST_AsGeoJSON(a.geom, 6) AS outline
  FROM areas a
  CROSS JOIN LATERAL (SELECT ST_Transform(a.geom, :srid::integer) AS metric) m
  LEFT JOIN placed pl ON pl.area_id = a.id
 WHERE a.area_set_id = :set::bigint
 ORDER BY a.id
