-- The shapes of a budget vote's map in the project's metric CRS, as SVG (ST_AsSVG, absolute, so
-- y is negated): the project's outline (kind 'outline'), the areas of the vote's boundary set
-- ('area'), and every item the vote's rule funds that has a geometry ('item', with its pot's id and
-- title; a point or multipoint drawn at its centroid). The extent is the project's area.
WITH scope AS MATERIALIZED (
    SELECT v.id, v.rule, v.area_set_id, p.area, project_metric_srid(v.project_id) AS srid
      FROM votes v JOIN projects p ON p.id = v.project_id
     WHERE v.id = :vote
)
SELECT 'outline' AS kind, NULL::bigint AS pot, NULL::text AS title, 2 AS dim,
       ST_AsSVG(ST_Transform(s.area, s.srid), 0, 1) AS path,
       ST_XMin(ST_Transform(s.area, s.srid)) AS min_x, ST_YMin(ST_Transform(s.area, s.srid)) AS min_y,
       ST_XMax(ST_Transform(s.area, s.srid)) AS max_x, ST_YMax(ST_Transform(s.area, s.srid)) AS max_y
  FROM scope s
UNION ALL
SELECT 'area', NULL, a.name, 2, ST_AsSVG(ST_Transform(a.geom, s.srid), 0, 1), NULL, NULL, NULL, NULL
  FROM scope s JOIN areas a ON a.area_set_id = s.area_set_id
 WHERE ST_Intersects(a.geom, s.area)
UNION ALL
SELECT 'item', i.pot_id, i.title, ST_Dimension(i.geom),
       ST_AsSVG(ST_Transform(CASE WHEN ST_Dimension(i.geom) = 0 THEN ST_Centroid(i.geom) ELSE i.geom END, s.srid), 0, 1),
       NULL, NULL, NULL, NULL
  FROM scope s
  JOIN ballot_items i ON i.vote_id = s.id AND i.geom IS NOT NULL
  JOIN vote_results r ON r.pot_id = i.pot_id AND r.rule = s.rule AND r.item_id = i.id AND r.funded_order IS NOT NULL
