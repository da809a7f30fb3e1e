-- A batch of voting codes for the letters to one area (or city-wide, area NULL).
-- Parameters: :vote, :area, :size, :by (the planner's account).
INSERT INTO voting_code_batches (vote_id, area_id, size, created_by)
VALUES (:vote, :area, :size, :by)
RETURNING id, created_at
