-- areas-{set}: the areas of one boundary set. They have no time of their own.
SELECT a.id, a.geom, NULL::timestamptz AS created_at,
       json_build_object(
           'code', a.code,
           'name', a.name,
           'population', a.population,
           'parentCode', a.parent_code) AS properties
  FROM areas a
 WHERE a.area_set_id = :owner
