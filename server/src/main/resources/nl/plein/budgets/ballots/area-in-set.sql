-- Whether an area belongs to a boundary set. Parameters: :area, :set.
SELECT EXISTS (SELECT 1 FROM areas a WHERE a.id = :area AND a.area_set_id = :set)
