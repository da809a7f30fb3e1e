-- Vote :vote's city-wide pot, named :name, gets budget :budget: made, or changed when it is there.
INSERT INTO vote_pots (vote_id, area_id, name, budget)
VALUES (:vote, NULL, :name, :budget)
ON CONFLICT (vote_id) WHERE area_id IS NULL DO UPDATE SET budget = EXCLUDED.budget
