-- Ends every session of the account. Parameter: :account.
DELETE FROM sessions WHERE account_id = :account
