-- Whether any boundary set has been loaded: without one there are no figures per area.
SELECT EXISTS (SELECT 1 FROM area_sets)
