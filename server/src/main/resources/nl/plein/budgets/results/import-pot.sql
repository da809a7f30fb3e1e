-- The one city-wide pot of an imported instance, with the instance's budget.
INSERT INTO vote_pots (vote_id, area_id, name, budget) VALUES (:vote, NULL, :name, :budget) RETURNING id
