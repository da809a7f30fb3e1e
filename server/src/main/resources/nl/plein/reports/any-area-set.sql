-- Whether any area (neighbourhood) set exists, so the report can show figures per area.
-- Parameters: none.
SELECT EXISTS (SELECT 1 FROM area_sets)
