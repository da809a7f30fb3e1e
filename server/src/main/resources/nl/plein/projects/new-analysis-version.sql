-- A new CRS or area changes every analysis of the project: the new analysis version makes every
-- cached result of the project one that is never asked for again. Nothing happens when neither
-- changes. Parameters: :id, :metricSrid and :area (WKB), each null when not changed.
INSERT INTO analysis_versions AS v (project_id, proposals)
SELECT id, 1
  FROM projects
 WHERE id = :id
   AND (metric_srid <> coalesce(:metricSrid, metric_srid)
        OR NOT ST_Equals(area, coalesce(ST_Multi(ST_GeomFromWKB(:area, 4326)), area)))
ON CONFLICT (project_id) DO UPDATE SET proposals = v.proposals + 1
