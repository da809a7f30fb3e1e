-- Removes a ballot's choices before they are written again. Parameter: :ballot.
DELETE FROM ballot_choices WHERE ballot_id = :ballot
