-- Vijverdal is a Dutch town: distances are measured in the Dutch national grid.
UPDATE area_sets SET metric_srid = 28992 WHERE id = :set
