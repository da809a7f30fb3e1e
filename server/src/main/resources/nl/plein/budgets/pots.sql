-- The pots of vote :vote with their area (null: city-wide), name and how many items each holds.
SELECT t.id, t.area_id, t.name, (SELECT count(*) FROM ballot_items i WHERE i.pot_id = t.id) AS items
  FROM vote_pots t
 WHERE t.vote_id = :vote
