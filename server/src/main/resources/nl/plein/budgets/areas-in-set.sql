-- Which of the areas :ids belong to boundary set :set.
SELECT a.id FROM areas a WHERE a.area_set_id = :set AND a.id = ANY(:ids)
