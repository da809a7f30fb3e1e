-- Serialises changes to one series' rounds, so two planners cannot take one position at once.
SELECT id FROM series WHERE id = :series FOR UPDATE
