-- The pots of a vote, for the Pabulib export (the one asked for, or the only one).
SELECT p.id, p.name, p.budget, a.code AS area_code FROM vote_pots p LEFT JOIN areas a ON a.id = p.area_id
 WHERE p.vote_id = :vote ORDER BY p.id
