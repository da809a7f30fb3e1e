-- Removes item :item of vote :vote (its links to proposals go with it); no row when it is not one.
DELETE FROM ballot_items WHERE id = :item AND vote_id = :vote RETURNING id
