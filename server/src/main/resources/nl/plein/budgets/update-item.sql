-- Item :item of vote :vote with what is given (null: unchanged); no row when it is not an item of it.
UPDATE ballot_items
   SET title = coalesce(:title, title), description = coalesce(:description, description),
       cost = coalesce(:cost::bigint, cost), reason = coalesce(:reason, reason),
       pot_id = coalesce(:pot::bigint, pot_id), updated_at = now()
 WHERE id = :item AND vote_id = :vote
RETURNING id
