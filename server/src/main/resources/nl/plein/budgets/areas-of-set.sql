-- Every area of boundary set :set, by id.
SELECT a.id FROM areas a WHERE a.area_set_id = :set ORDER BY a.id
