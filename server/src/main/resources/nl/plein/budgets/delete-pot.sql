-- Removes pot :id (the caller has checked that it holds no items).
DELETE FROM vote_pots WHERE id = :id
