-- Where the money of a round went, per area of a boundary set: the budgets of the project's works
-- (cancelled ones left out) and the costs of funded ballot items not (yet) carried out as a work,
-- located as "Where the money goes" locates funded items (server/METHODS.md): a line by the share of
-- its length inside each area, a polygon by the share of its surface, both in the project's metric
-- CRS; a point wholly in the area covering it (the lowest id where areas overlap), each point of a
-- multipoint an equal part. A work lies where it was built (as_built), else where its proposal or
-- ballot item was drawn; without any geometry it lies in its ballot item's pot area, else in none.
-- An item is funded under its vote's own rule. What lies in no area is in no row.
--
-- Parameters: :project, :set.
WITH scope AS MATERIALIZED (
    SELECT project_metric_srid(:project) AS srid
),
spending AS MATERIALIZED (
    SELECT 'work' AS kind, w.id, w.budget AS euros, coalesce(w.as_built, p.geom, i.geom) AS geom,
           pot.area_id AS pot_area
      FROM works w
      LEFT JOIN proposals p ON p.id = w.proposal_id
      LEFT JOIN ballot_items i ON i.id = w.item_id
      LEFT JOIN vote_pots pot ON pot.id = i.pot_id
     WHERE w.project_id = :project AND w.status <> 'cancelled'
    UNION ALL
    SELECT 'item', i.id, i.cost, i.geom, pot.area_id
      FROM ballot_items i
      JOIN votes v ON v.id = i.vote_id
      JOIN vote_pots pot ON pot.id = i.pot_id
      JOIN vote_results r ON r.pot_id = i.pot_id AND r.rule = v.rule AND r.item_id = i.id
     WHERE v.project_id = :project AND r.funded_order IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM works w WHERE w.item_id = i.id)
),
sized AS MATERIALIZED (
    SELECT sp.*, ST_Dimension(sp.geom) AS dim,
           CASE ST_Dimension(sp.geom) WHEN 1 THEN ST_Length(ST_Transform(sp.geom, s.srid))
                                      WHEN 2 THEN ST_Area(ST_Transform(sp.geom, s.srid)) END AS size
      FROM spending sp CROSS JOIN scope s
),
point_part AS (
    SELECT sz.kind, sz.id, d.geom, count(*) OVER (PARTITION BY sz.kind, sz.id) AS parts
      FROM sized sz CROSS JOIN LATERAL ST_Dump(sz.geom) d
     WHERE sz.dim = 0
),
share AS (
    SELECT pp.kind, pp.id,
           (SELECT a.id FROM areas a WHERE a.area_set_id = :set AND ST_Covers(a.geom, pp.geom)
             ORDER BY a.id LIMIT 1) AS area_id,
           1.0 / pp.parts AS share
      FROM point_part pp
    UNION ALL
    SELECT sz.kind, sz.id, a.id,
           CASE sz.dim WHEN 1 THEN ST_Length(ST_Transform(ST_Intersection(a.geom, sz.geom), s.srid))
                       ELSE ST_Area(ST_Transform(ST_Intersection(a.geom, sz.geom), s.srid)) END / sz.size
      FROM sized sz
      JOIN areas a ON a.area_set_id = :set AND ST_Intersects(a.geom, sz.geom)
      CROSS JOIN scope s
     WHERE sz.dim > 0 AND sz.size > 0
    UNION ALL
    SELECT sz.kind, sz.id, area_in_set(sz.pot_area, :set), 1.0
      FROM sized sz
     WHERE sz.geom IS NULL AND sz.pot_area IS NOT NULL
)
SELECT a.id AS area_id, a.code, a.name, a.population::bigint AS population,
       count(DISTINCT sz.id) FILTER (WHERE sz.kind = 'work' AND sh.share > 0) AS works,
       count(DISTINCT sz.id) FILTER (WHERE sz.kind = 'item' AND sh.share > 0) AS items,
       coalesce(sum(sz.euros * sh.share), 0)::double precision AS euros
  FROM areas a
  LEFT JOIN share sh ON sh.area_id = a.id
  LEFT JOIN sized sz ON sz.kind = sh.kind AND sz.id = sh.id
 WHERE a.area_set_id = :set
 GROUP BY a.id, a.code, a.name, a.population
 ORDER BY a.name, a.id
