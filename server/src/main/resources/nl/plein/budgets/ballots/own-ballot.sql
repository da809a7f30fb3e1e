-- The viewer's own ballot on a vote (read only for the account that cast it).
-- Parameters: :vote, :account.
SELECT b.id, b.receipt, b.cast_at, b.updated_at
  FROM ballots b
 WHERE b.vote_id = :vote AND b.account_id = :account
