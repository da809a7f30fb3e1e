-- How many of the parent codes :codes name an area of set :parentSet.
SELECT count(*) FROM unnest(:codes::text[]) AS wanted(code)
 WHERE EXISTS (SELECT 1 FROM areas p WHERE p.area_set_id = :parentSet AND p.code = wanted.code)
