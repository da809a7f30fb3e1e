-- How the selected contributions sit (analysis.Selection.Stacking): those at locations shared with
-- others (a location with more than one) and how many such locations, and those about the whole
-- area (no place), which no point analysis reads. A location is <location>: a point in the
-- project's metric CRS (:srid) to the millimetre.
WITH located AS MATERIALIZED (
    SELECT l.x, l.y FROM <selected> p CROSS JOIN LATERAL <location>
     WHERE p.geom IS NOT NULL
), shared AS (
    SELECT count(*) AS n FROM located GROUP BY x, y HAVING count(*) > 1
)
SELECT (SELECT coalesce(sum(n), 0) FROM shared) AS shared_proposals,
       (SELECT count(*) FROM shared) AS shared_locations,
       (SELECT count(*) FROM <selected> p WHERE p.geom IS NULL) AS whole_area
