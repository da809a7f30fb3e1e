-- Where the money goes: the euros of a counted vote's funded items per area of a boundary set,
-- under each rule. An item's cost is split over the areas its geometry lies in (server/METHODS.md,
-- "Where the money goes"): a line by the share of its length inside each area, a polygon by the
-- share of its surface, both measured in the project's metric CRS; a point lies wholly in the area
-- that covers it (the lowest id where areas overlap, as drawings are placed), each of a multipoint's
-- points carrying an equal part. An item without geometry lies in the area of its pot (that area
-- in this set, area_in_set); a city-wide item without geometry lies in no area. What lies outside
-- every area is not in any row.
--
-- Parameters: :vote, :set.
WITH scope AS MATERIALIZED (
    SELECT project_metric_srid(v.project_id) AS srid FROM votes v WHERE v.id = :vote
),
item AS MATERIALIZED (
    SELECT i.id, i.cost, i.geom, p.area_id AS pot_area, ST_Dimension(i.geom) AS dim,
           CASE ST_Dimension(i.geom) WHEN 1 THEN ST_Length(ST_Transform(i.geom, s.srid))
                                     WHEN 2 THEN ST_Area(ST_Transform(i.geom, s.srid)) END AS size,
           g.funded_order IS NOT NULL AS greedy, e.funded_order IS NOT NULL AS equal_shares
      FROM ballot_items i
      JOIN vote_pots p ON p.id = i.pot_id
      CROSS JOIN scope s
      LEFT JOIN vote_results g ON g.pot_id = i.pot_id AND g.rule = 'greedy' AND g.item_id = i.id
      LEFT JOIN vote_results e ON e.pot_id = i.pot_id AND e.rule = 'equal_shares' AND e.item_id = i.id
     WHERE i.vote_id = :vote
),
point_part AS (
    SELECT it.id AS item_id, d.geom, count(*) OVER (PARTITION BY it.id) AS parts
      FROM item it CROSS JOIN LATERAL ST_Dump(it.geom) d
     WHERE it.dim = 0
),
share AS (
    SELECT pp.item_id,
           (SELECT a.id FROM areas a WHERE a.area_set_id = :set AND ST_Covers(a.geom, pp.geom)
             ORDER BY a.id LIMIT 1) AS area_id,
           1.0 / pp.parts AS share
      FROM point_part pp
    UNION ALL
    SELECT it.id, a.id,
           CASE it.dim WHEN 1 THEN ST_Length(ST_Transform(ST_Intersection(a.geom, it.geom), s.srid))
                       ELSE ST_Area(ST_Transform(ST_Intersection(a.geom, it.geom), s.srid)) END / it.size
      FROM item it
      JOIN areas a ON a.area_set_id = :set AND ST_Intersects(a.geom, it.geom)
      CROSS JOIN scope s
     WHERE it.dim > 0 AND it.size > 0
    UNION ALL
    SELECT it.id, area_in_set(it.pot_area, :set), 1.0
      FROM item it
     WHERE it.geom IS NULL AND it.pot_area IS NOT NULL
)
SELECT a.id AS area_id, a.code, a.name, a.population::bigint AS population,
       coalesce(sum(it.cost * sh.share) FILTER (WHERE it.greedy), 0)::double precision AS greedy,
       coalesce(sum(it.cost * sh.share) FILTER (WHERE it.equal_shares), 0)::double precision AS equal_shares
  FROM areas a
  LEFT JOIN share sh ON sh.area_id = a.id
  LEFT JOIN item it ON it.id = sh.item_id
 WHERE a.area_set_id = :set
 GROUP BY a.id, a.code, a.name, a.population
 ORDER BY a.name, a.id
