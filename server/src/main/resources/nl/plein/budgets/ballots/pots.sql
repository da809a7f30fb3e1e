-- The pots of a vote: the city-wide one (area_id NULL) and one per area with a budget.
-- Parameter: :vote.
SELECT p.id, p.area_id, p.name, p.budget
  FROM vote_pots p
 WHERE p.vote_id = :vote
 ORDER BY p.area_id NULLS FIRST, p.id
