-- Ends every session of the account but one (the one whose token hashes to :keep). Parameters: :account, :keep.
DELETE FROM sessions WHERE account_id = :account AND token_hash <> :keep
