SELECT EXISTS (SELECT 1 FROM area_sets WHERE id = :set)
