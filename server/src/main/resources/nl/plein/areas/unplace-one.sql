-- Forgets where one drawing lay, in every set, before it is placed again.
DELETE FROM placements WHERE drawing = :drawing AND drawing_id = :id
