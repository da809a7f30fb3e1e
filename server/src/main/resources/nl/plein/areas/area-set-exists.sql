-- Whether boundary set :id exists.
SELECT EXISTS (SELECT 1 FROM area_sets WHERE id = :id)
