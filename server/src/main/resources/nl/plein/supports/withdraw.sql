-- Takes a support back (the trigger on supports keeps the count). Parameters: :proposal, :account.
DELETE FROM supports WHERE proposal_id = :proposal AND account_id = :account
