-- Whether pot :pot is one of vote :vote's pots.
SELECT EXISTS (SELECT 1 FROM vote_pots t WHERE t.id = :pot AND t.vote_id = :vote)
